package org.ferry.testbed.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pings an address every 10 ms from a namespace (the RAN), and reports the longest gap between
 * replies: the outage a UE's traffic would see, at 10 ms resolution.
 */
public final class PingProbe implements AutoCloseable {

  private static final Pattern REPLY = Pattern.compile("^\\[(\\d+\\.\\d+)\\].*icmp_seq=(\\d+)");

  private final Process process;
  private final Path log;

  private PingProbe(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** Whether {@code address} answers one ping from {@code namespace} within a second. */
  public static boolean answersOnce(String namespace, String address) {
    return CommandRunner.withDefaultTimeout().attempt(List.of("ip", "netns", "exec", namespace,
        "ping", "-c", "1", "-W", "1", address)).exitCode() == 0;
  }

  /** Starts pinging {@code address} from {@code namespace} every 10 ms. */
  public static PingProbe start(String namespace, String address, Path log) {
    try {
      Files.deleteIfExists(log);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reset " + log + ": " + e.getMessage(), e);
    }
    Process p = CommandRunner.startBackground(
        List.of("ip", "netns", "exec", namespace, "ping", "-n", "-D", "-i", "0.01", address), log);
    return new PingProbe(p, log);
  }

  /** Stops the probe and returns what it saw. */
  public Result stop() {
    process.destroy();
    try {
      process.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    return parse(log);
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /**
   * What a probe saw.
   *
   * @param replies echo replies received
   * @param maxGap the longest time between two consecutive replies (zero with fewer than two)
   */
  public record Result(int replies, Duration maxGap) {}

  static Result parse(Path log) {
    List<Double> times = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(log)) {
        Matcher m = REPLY.matcher(line);
        if (m.find()) {
          times.add(Double.parseDouble(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the ping log " + log + ": " + e.getMessage(), e);
    }
    double max = 0;
    for (int i = 1; i < times.size(); i++) {
      max = Math.max(max, times.get(i) - times.get(i - 1));
    }
    return new Result(times.size(), Duration.ofNanos(Math.round(max * 1e9)));
  }
}
