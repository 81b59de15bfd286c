package org.ferry.compute.epc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ferry.compute.workload.Workloads;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.HostPriority;
import org.ferry.testbed.net.TestbedLayout;

/**
 * The EPC probe process in the RAN namespace: a gNB whose UEs attach through the MME and echo
 * through the SPGW to the Internet host every few milliseconds, rewriting its report every 100 ms
 * until {@link #stop}.
 */
public final class EpcProbe implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final int ues;
  private final Path report;
  private final Path stop;
  private final Path log;

  private EpcProbe(Process process, int ues, Path report, Path stop, Path log) {
    this.process = process;
    this.ues = ues;
    this.report = report;
    this.stop = stop;
    this.log = log;
  }

  /**
   * Starts the probe: {@code ues} UEs attach through the MME and echo every {@code intervalMs}
   * through the SPGW to the Internet host.
   *
   * @param work where its report, log and stop file go
   */
  static EpcProbe start(TestbedLayout layout, Path jar, Path work, int ues, int intervalMs) {
    Path report = work.resolve("probe.json");
    Path stop = work.resolve("probe.stop");
    Path log = work.resolve("probe.log");
    try {
      Files.deleteIfExists(report);
      Files.deleteIfExists(stop);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> command = List.of("ip", "netns", "exec", layout.ranNamespace(),
        Workloads.java(), "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xmx64m", "-jar",
        jar.toString(), "probe", "--mme", EpcFunction.MME.address() + ":36412",
        "--internet-host", EpcFunction.INTERNET_HOST.address() + ":7777", "--gtpu",
        layout.ranAddress() + ":0", "--ues", Integer.toString(ues), "--interval-ms",
        Integer.toString(intervalMs), "--duration-s", "3600", "--stop-file", stop.toString(),
        "--report", report.toString(), "--report-every-ms", "100");
    return new EpcProbe(CommandRunner.startBackground(HostPriority.ofSeparateHost(command), log),
        ues, report, stop, log);
  }

  /** Waits until it printed that every UE attached. */
  public void awaitAttached(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      String out = read(log);
      if (out.contains("attached " + ues + " of " + ues + " UEs")) {
        return;
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("the probe ended (exit " + process.exitValue() + "): "
            + out);
      }
      EpcStandIns.sleep(100);
    }
    throw new IllegalStateException("the UEs did not attach within " + timeout.toSeconds()
        + " s: " + read(log));
  }

  /** The report so far (rewritten every 100 ms while the traffic runs), or empty. */
  public Optional<JsonNode> snapshot() {
    try {
      return Files.exists(report) ? Optional.of(JSON.readTree(Files.readString(report)))
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public int ues() {
    return ues;
  }

  /** Stops the traffic and returns the report (summary and per-UE figures). */
  public JsonNode stop(Duration timeout) {
    try {
      Files.writeString(stop, "stop");
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the probe did not stop within " + timeout.toSeconds()
            + " s");
      }
      return JSON.readTree(Files.readString(report));
    } catch (IOException e) {
      throw new UncheckedIOException("the probe wrote no report: " + read(log), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
