package org.ferry.epc.probe;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ferry.epc.transport.S1Transports;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Json;

/**
 * {@code probe}: attaches the UEs, sends echoes for the given duration, writes the report and
 * prints a summary. Exit code 0 when every UE attached, got answers and never re-attached; 1
 * otherwise.
 */
public final class ProbeMain {
  private ProbeMain() {}

  /** @return the exit code */
  public static int run(Args args) throws Exception {
    ProbeSettings settings = new ProbeSettings(
        args.address("mme", "127.0.0.1:36412"), args.address("gtpu", "127.0.0.1:0"),
        args.address("internet-host", "127.0.0.1:7777"), args.intValue("ues", 10),
        args.get("first-imsi", ProbeSettings.FIRST_IMSI),
        Duration.ofMillis(args.intValue("interval-ms", 10)),
        Duration.ofMillis(args.intValue("reattach-after-ms", 30000)),
        args.get("enb-id", "enb-001"));
    Map<String, Object> report;
    try (Probe probe = new Probe(settings, S1Transports.forName(args.get("s1-transport", "tcp")))) {
      int attached = probe.attachAll(Duration.ofSeconds(args.intValue("attach-timeout-s", 30)));
      System.out.println("attached " + attached + " of " + settings.ues() + " UEs");
      probe.startTraffic();
      long end = System.nanoTime()
          + Duration.ofSeconds(args.intValue("duration-s", 10)).toNanos();
      Path stopFile = args.has("stop-file") ? Path.of(args.get("stop-file", "")) : null;
      // --stop-file: stop early (and report) once that file exists, checked every 50 ms
      // --report-every-ms: the report so far, rewritten (atomically) while the traffic runs
      long every = args.intValue("report-every-ms", 0);
      long nextReport = System.nanoTime() + every * 1_000_000;
      while (System.nanoTime() < end && (stopFile == null || !Files.exists(stopFile))) {
        Thread.sleep(Math.max(1, Math.min(every > 0 ? Math.min(every, 50) : 50,
            (end - System.nanoTime()) / 1_000_000)));
        if (every > 0 && System.nanoTime() >= nextReport) {
          writeAtomically(Path.of(args.get("report", "probe-report.json")),
              Json.write(probe.report()));
          nextReport = System.nanoTime() + every * 1_000_000;
        }
      }
      report = probe.stopAndReport();
    }
    Path out = Path.of(args.get("report", "probe-report.json"));
    writeAtomically(out, Json.write(report));
    @SuppressWarnings("unchecked")
    Map<String, Object> s = (Map<String, Object>) report.get("summary");
    System.out.println("probe: " + s.get("attached") + "/" + s.get("ues") + " UEs attached, "
        + "longest gap " + s.get("maxGapMs") + " ms, re-attaches " + s.get("reattaches")
        + "; report in " + out);
    boolean ok = ((Number) s.get("attached")).intValue() == settings.ues()
        && ((Number) s.get("reattaches")).longValue() == 0;
    return ok ? 0 : 1;
  }

  private static void writeAtomically(Path file, String text) throws java.io.IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    Files.writeString(tmp, text, StandardCharsets.UTF_8);
    Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
