package org.ferry.compute.workload;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Commands that run the workload JVM in a container and a {@link GapProbe} in a namespace. */
public final class Workloads {

  public static final int TCP_PORT = 7000;
  public static final int UDP_PORT = 7001;
  /** Where probes write their errors. */
  static final Path LOG = Path.of(System.getProperty("java.io.tmpdir"), "ferry-gap-probe.log");

  private Workloads() {}

  /** The JDK running this JVM. */
  public static String java() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /** Where this module's classes are (a directory or a jar), for the child JVMs' class path. */
  public static String classPath() {
    try {
      return Path.of(MemoryEchoWorkload.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The container command for a {@link MemoryEchoWorkload} holding {@code megabytes} off the
   * heap: a small serial-GC heap, one JIT thread, no perf data file.
   */
  public static List<String> memoryEcho(int megabytes, Path readyFile) {
    return List.of(java(), "-XX:+UseSerialGC", "-Xms16m", "-Xmx48m",
        "-XX:MaxDirectMemorySize=" + (megabytes + 16) + "m", "-XX:-UsePerfData",
        "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m",
        "-Xss512k", "-cp", classPath(), MemoryEchoWorkload.class.getName(),
        Integer.toString(TCP_PORT), Integer.toString(UDP_PORT), Integer.toString(megabytes),
        readyFile.toString());
  }

  /** Waits until the workload has written its ready file. */
  public static void awaitReady(Path readyFile, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(readyFile)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the workload did not get ready within "
            + timeout.toSeconds() + " s (no " + readyFile + ")");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /** A running {@link GapProbe}, in a network namespace, driven over its stdin. */
  public static final class Probe implements AutoCloseable {
    private final Process process;
    private final BufferedReader out;
    private final Writer in;

    /** Starts a probe in namespace {@code netns} toward {@code host}, every {@code intervalMs}. */
    public Probe(String netns, String host, long intervalMs) {
      ProcessBuilder builder = new ProcessBuilder("ip", "netns", "exec", netns, java(),
          "-XX:+UseSerialGC", "-Xmx32m", "-XX:TieredStopAtLevel=1", "-cp", classPath(),
          GapProbe.class.getName(), host, Integer.toString(TCP_PORT), Integer.toString(UDP_PORT),
          Long.toString(intervalMs));
      builder.redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
      try {
        process = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the probe", e);
      }
      out = new BufferedReader(new InputStreamReader(process.getInputStream(),
          StandardCharsets.UTF_8));
      in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      String first = readLine(Duration.ofSeconds(20));
      if (!"probing".equals(first)) {
        close();
        throw new IllegalStateException("the probe toward " + host + " did not start (said: "
            + first + "; its errors go to " + LOG + ")");
      }
    }

    /** The gaps since the last report: tcp_gap_ms, udp_gap_ms, tcp_alive, count. */
    public Map<String, String> report() {
      return fields(ask("report"));
    }

    /**
     * Waits until echoes come back on both TCP and UDP again (none missing for longer than
     * {@code quiet}), or until {@code timeout}; says whether they did.
     */
    public boolean awaitEchoes(Duration quiet, Duration timeout) {
      return awaitEchoes(quiet, timeout, true);
    }

    /** As {@link #awaitEchoes(Duration, Duration)}, over UDP only when {@code tcpToo} is false. */
    public boolean awaitEchoes(Duration quiet, Duration timeout, boolean tcpToo) {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        Map<String, String> idle = fields(ask("idle"));
        double tcp = Double.parseDouble(idle.getOrDefault("tcp_idle_ms", "1e9"));
        double udp = Double.parseDouble(idle.getOrDefault("udp_idle_ms", "1e9"));
        if ((!tcpToo || tcp < quiet.toMillis()) && udp < quiet.toMillis()) {
          return true;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
      return false;
    }

    private static Map<String, String> fields(String line) {
      Map<String, String> fields = new HashMap<>();
      for (String part : line.split(" ")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          fields.put(part.substring(0, eq), part.substring(eq + 1));
        }
      }
      return fields;
    }

    /** The workload's memory checksum, asked over the probe's TCP connection. */
    public String checksum() {
      return ask("SUM").substring("sum=".length());
    }

    private String ask(String command) {
      try {
        in.write(command + "\n");
        in.flush();
      } catch (IOException e) {
        throw new UncheckedIOException("the probe is gone", e);
      }
      String line = readLine(Duration.ofSeconds(40));
      if (line == null) {
        throw new IllegalStateException("the probe did not answer " + command);
      }
      return line;
    }

    private String readLine(Duration timeout) {
      CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
        try {
          return out.readLine();
        } catch (IOException e) {
          return null;
        }
      });
      try {
        return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (Exception e) {
        return null;
      }
    }

    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
