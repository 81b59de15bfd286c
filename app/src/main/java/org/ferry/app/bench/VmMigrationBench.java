package org.ferry.app.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.ferry.app.report.CsvTable;
import org.ferry.compute.qemu.GuestSpec;
import org.ferry.compute.qemu.MigrationTuning;
import org.ferry.compute.qemu.QemuVim;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.PingProbe;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedLayout;

/**
 * The VM migration bench: a guest dirtying memory at a set fraction of the link rate, moved back
 * and forth between the testbed's sites over lightpaths of each rate and length, with a 10 ms
 * ping from the RAN. One move at a time (2 cores).
 */
public final class VmMigrationBench {

  /** What to run. */
  public record Plan(List<TransponderClass> rates, List<Double> lengthsKm, int runs,
      double dirtyRatio, long memoryMib, long workingSetMib, MigrationTuning tuning,
      MigrationApproach approach) {

    public Plan {
      Objects.requireNonNull(approach, "approach");
      rates = List.copyOf(rates);
      lengthsKm = List.copyOf(lengthsKm);
      Objects.requireNonNull(tuning, "tuning");
      if (runs < 1 || dirtyRatio < 0) {
        throw new IllegalArgumentException("runs must be >= 1 and the dirty ratio >= 0");
      }
    }

    /** 1G and 10G, 0.3, 25 and 50 km, 5 runs each. */
    public static Plan full(double dirtyRatio, long memoryMib, long workingSetMib,
        MigrationTuning tuning) {
      return new Plan(List.of(TransponderClass.SWITCHPONDER_1G, TransponderClass.SWITCHPONDER_10G),
          List.of(0.3, 25.0, 50.0), 5, dirtyRatio, memoryMib, workingSetMib, tuning,
          MigrationApproach.PRE_COPY);
    }

    public Plan with(int newRuns, MigrationApproach newApproach) {
      return new Plan(rates, lengthsKm, newRuns, dirtyRatio, memoryMib, workingSetMib, tuning,
          newApproach);
    }

    /** One move per rate at 25 km. */
    public static Plan quick(double dirtyRatio, long memoryMib, long workingSetMib,
        MigrationTuning tuning) {
      return new Plan(List.of(TransponderClass.SWITCHPONDER_1G, TransponderClass.SWITCHPONDER_10G),
          List.of(25.0), 1, dirtyRatio, memoryMib, workingSetMib, tuning,
          MigrationApproach.PRE_COPY);
    }
  }

  private static final VnfId VM = VnfId.of("bench-vm");
  private static final String ADDRESS = "10.0.0.80";
  private static final String MAC = "52:54:00:00:00:80";

  private final Testbed testbed;
  private final PrintWriter out;

  public VmMigrationBench(Testbed testbed, PrintWriter out) {
    this.testbed = testbed;
    this.out = out;
  }

  /** Runs the plan and returns every move, sound or not. */
  public List<BenchRun> run(Plan plan) {
    List<BenchRun> runs = new ArrayList<>();
    Path work = testbed.stateDir().resolve("qemu");
    out.println(String.format(Locale.ROOT,
        "%-5s %-6s %-5s %-3s %8s %8s %9s %9s %9s %7s %7s", "rate", "km", "dirty", "run",
        "total_s", "live_s", "downtime", "moved_MB", "ping_gap", "ratio", "live_r"));
    try (QemuVim vim = new QemuVim(testbed.layout(), testbed.artefacts(), work, plan.tuning())) {
      for (TransponderClass kind : plan.rates()) {
        for (double km : plan.lengthsKm()) {
          Duration delay = Distance.ofKilometres(km).propagationDelay()
              .plus(kind.equipmentLatency().multipliedBy(2));
          testbed.applyLink(LinkShape.of(kind.clientRate(), delay));
          NetworkPath path = new NetworkPath(kind.clientRate(), delay);
          double dirtyMbps = plan.dirtyRatio() * kind.clientRate().bitsPerSecond() / 8e6;
          GuestSpec spec = new GuestSpec(1, plan.memoryMib(), ADDRESS, MAC, dirtyMbps,
              plan.workingSetMib());
          runs.addAll(series(vim, spec, kind, km, path, plan));
        }
      }
    }
    return runs;
  }

  private List<BenchRun> series(QemuVim vim, GuestSpec spec, TransponderClass kind, double km,
      NetworkPath path, Plan plan) {
    List<BenchRun> runs = new ArrayList<>();
    vim.start(VM, spec, TestbedLayout.SITE_A);
    try {
      for (int run = 1; run <= plan.runs(); run++) {
        SiteId from = vim.locate(VM).orElseThrow().site();
        SiteId to = from.equals(TestbedLayout.SITE_A) ? TestbedLayout.SITE_B : TestbedLayout.SITE_A;
        MigrationRequest request = new MigrationRequest(vim.describe(VM, VnfKind.MME, Flavor.SMALL),
            QemuVim.placement(to), plan.approach(), path);
        Path pingLog = testbed.stateDir().resolve("ping.log");
        PingProbe probe = PingProbe.start(testbed.layout().ranNamespace(), ADDRESS, pingLog);
        BenchRun row;
        try {
          sleep(Duration.ofMillis(300));
          MigrationOutcome outcome = vim.liveMigrate(request, d -> {});
          sleep(Duration.ofMillis(700));
          PingProbe.Result ping = probe.stop();
          double live = outcome.phases().stream().filter(p -> p.phase() == Phase.LIVE)
              .mapToDouble(p -> p.duration().toNanos() / 1e9).sum();
          String fault = vim.fault(VM).orElse(ping.replies() == 0 ? "no ping reply" : "");
          row = new BenchRun(kind.clientRate().gbps(), km, plan.dirtyRatio(), run,
              outcome.migrationTime().toNanos() / 1e9, live,
              outcome.downtime().value().toNanos() / 1e9, outcome.bytesMoved().bytes(),
              ping.maxGap().toNanos() / 1e9, fault);
        } catch (MigrationFailedException e) {
          probe.close();
          out.println("  run " + run + " failed: " + e.getMessage());
          if (!e.runningAtSource()) {
            return runs;
          }
          continue;
        }
        runs.add(row);
        out.println(format(row));
        if (!row.sound()) {
          out.println("  the guest is not sound after this move (" + row.fault()
              + "); starting a fresh one");
          vim.stop(VM);
          vim.start(VM, spec, TestbedLayout.SITE_A);
        }
      }
    } finally {
      vim.stop(VM);
    }
    return runs;
  }

  static String format(BenchRun r) {
    return String.format(Locale.ROOT, "%-5s %-6s %-5.2f %-3d %8.3f %8.3f %9.3f %9.1f %9.3f %7.2f"
        + " %7.2f%s", (long) r.rateGbps() + "G", r.lengthKm(), r.dirtyRatio(), r.run(),
        r.totalSeconds(), r.liveSeconds(), r.downtimeSeconds(), r.megabytes(), r.pingGapSeconds(),
        r.ratio(), r.liveRatio(), r.sound() ? "" : "  FAULT");
  }

  /** Prints per rate and length the means, then whether the targets are met. */
  public static void summarize(List<BenchRun> runs, PrintWriter out) {
    out.println();
    out.println("Summary (sound moves; means, with min-max for the ratio and downtime):");
    out.println(String.format(Locale.ROOT, "%-5s %-6s %-3s %8s %17s %9s %9s %17s", "rate", "km",
        "n", "total_s", "downtime_s", "moved_MB", "ping_gap", "ratio"));
    List<BenchRun> sound = runs.stream().filter(BenchRun::sound).toList();
    sound.stream().map(r -> r.rateGbps() + "/" + r.lengthKm()).distinct().forEach(key -> {
      List<BenchRun> g = sound.stream().filter(r -> (r.rateGbps() + "/" + r.lengthKm())
          .equals(key)).toList();
      BenchRun f = g.getFirst();
      out.println(String.format(Locale.ROOT, "%-5s %-6s %-3d %8.3f %5.3f (%.3f-%.3f) %9.1f %9.3f"
          + " %5.2f (%.2f-%.2f)", (long) f.rateGbps() + "G", f.lengthKm(), g.size(),
          mean(g, BenchRun::totalSeconds), mean(g, BenchRun::downtimeSeconds),
          min(g, BenchRun::downtimeSeconds), max(g, BenchRun::downtimeSeconds),
          mean(g, BenchRun::megabytes), mean(g, BenchRun::pingGapSeconds), mean(g, BenchRun::ratio),
          min(g, BenchRun::ratio), max(g, BenchRun::ratio)));
    });
    long faults = runs.size() - sound.size();
    if (faults > 0) {
      out.println(faults + " move(s) left the guest unsound and are not in the summary");
    }
    if (!sound.isEmpty()) {
      double worstRatio = max(sound, BenchRun::ratio);
      double worstLiveRatio = max(sound, BenchRun::liveRatio);
      out.println(String.format(Locale.ROOT, "target ratio <= 1.15: %s (worst %.2f over the whole"
          + " move; %.2f over the live phase alone)", worstRatio <= 1.15 ? "met" : "NOT met",
          worstRatio, worstLiveRatio));
      List<BenchRun> light = sound.stream().filter(r -> r.dirtyRatio() <= 0.2).toList();
      if (!light.isEmpty()) {
        double worstDowntime = max(light, BenchRun::downtimeSeconds);
        out.println(String.format(Locale.ROOT, "target downtime <= 50 ms at dirty ratio <= 0.2:"
            + " %s (worst %.0f ms)", worstDowntime <= 0.050 ? "met" : "NOT met",
            worstDowntime * 1000));
      }
    }
  }

  /** Writes runs.csv and the plots into {@code dir}. */
  public static void write(List<BenchRun> runs, Path dir) throws IOException {
    Files.createDirectories(dir);
    CsvTable.write(BenchRun.CSV_COLUMNS,
        runs.stream().filter(BenchRun::sound).map(BenchRun::csvCells).toList(),
        dir.resolve("runs.csv"));
    ScatterPlot downtime = new ScatterPlot("VM migration downtime (QEMU)", "lightpath length (km)",
        "downtime (ms)").target(50);
    ScatterPlot ratio = new ScatterPlot("Total time / (bytes moved / link rate)", "lightpath length (km)",
        "ratio").target(1.15);
    ScatterPlot gap = new ScatterPlot("Ping gap from the RAN (10 ms probes)", "lightpath length (km)",
        "gap (ms)");
    for (BenchRun r : runs) {
      if (r.sound()) {
        String series = (long) r.rateGbps() + " Gbit/s";
        downtime.point(series, r.lengthKm(), r.downtimeSeconds() * 1000);
        ratio.point(series, r.lengthKm(), r.ratio());
        gap.point(series, r.lengthKm(), r.pingGapSeconds() * 1000);
      }
    }
    downtime.write(dir.resolve("downtime.svg"));
    ratio.write(dir.resolve("ratio.svg"));
    gap.write(dir.resolve("ping_gap.svg"));
  }

  private static double mean(List<BenchRun> g, java.util.function.ToDoubleFunction<BenchRun> f) {
    return g.stream().mapToDouble(f).average().orElse(Double.NaN);
  }

  private static double min(List<BenchRun> g, java.util.function.ToDoubleFunction<BenchRun> f) {
    return g.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static double max(List<BenchRun> g, java.util.function.ToDoubleFunction<BenchRun> f) {
    return g.stream().mapToDouble(f).max().orElse(Double.NaN);
  }

  private static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
