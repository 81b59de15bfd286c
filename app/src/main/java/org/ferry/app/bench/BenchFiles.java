package org.ferry.app.bench;

import static org.ferry.compute.bench.ContainerMigrationBench.seconds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ferry.app.report.CsvTable;
import org.ferry.compute.bench.ContainerMigrationBench.Run;
import org.ferry.model.vnf.MigrationApproach;

/** The container-migration bench's outputs: runs.csv, a summary table and SVG plots. */
public final class BenchFiles {

  public static final List<String> COLUMNS = List.of("workload_mb", "mode", "rate_gbps", "run",
      "checkpoint_s", "transfer_s", "restore_s", "frozen_s", "bytes_moved_mb", "tcp_gap_s",
      "udp_gap_s", "ratio");
  public static final String HEADER = String.join(",", COLUMNS);
  private static final List<String> CRIU_STATS_COLUMNS = List.of("workload_mb", "mode",
      "rate_gbps", "run", "freezing_s", "frozen_s", "memdump_s", "memwrite_s", "pages_scanned",
      "pages_written", "pages_lazy", "restore_s", "pages_restored");

  /** Stop-and-copy target: frozen ≤ 1.2 × bytes/rate + 150 ms. */
  public static final double SC_FACTOR = 1.2;
  public static final double SC_SLACK_S = 0.150;
  /** Lazy target: frozen ≤ 100 ms at 200 MB. */
  public static final double LAZY_TARGET_S = 0.100;

  private BenchFiles() {}

  /** One line per run (failed runs are left out of the CSV and named in the summary). */
  public static String csv(List<Run> runs) {
    return CsvTable.text(COLUMNS, runs.stream().filter(Run::ok).map(r -> List.of(
        Integer.toString(r.workloadMb()), r.mode().displayName(), gbps(r),
        Integer.toString(r.run()), fixed(4, seconds(r.checkpoint())),
        fixed(4, seconds(r.transfer())), fixed(4, seconds(r.restore())),
        fixed(4, seconds(r.frozen())), fixed(2, r.bytesMoved().megabytes()),
        fixed(3, r.tcpGapSeconds()), fixed(3, r.udpGapSeconds()), fixed(3, r.ratio())))
        .toList());
  }

  private static String fixed(int decimals, double v) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String gbps(Run r) {
    double g = r.rate().gbps();
    return g == Math.rint(g) ? Long.toString((long) g) : Double.toString(g);
  }

  private record Key(int mb, MigrationApproach mode, String rate) {}

  private static Map<Key, List<Run>> groups(List<Run> runs) {
    Map<Key, List<Run>> groups = new LinkedHashMap<>();
    for (Run r : runs) {
      groups.computeIfAbsent(new Key(r.workloadMb(), r.mode(), gbps(r)), k -> new ArrayList<>())
          .add(r);
    }
    return groups;
  }

  /** A Markdown table: mean (min-max) per case, and each case against its target. */
  public static String summary(List<Run> runs) {
    StringBuilder out = new StringBuilder();
    out.append("| MB | mode | Gbit/s | ok | checkpoint s | transfer s | restore s | frozen s "
        + "| MB moved | TCP gap s | UDP gap s | ratio | target | met |\n");
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Map.Entry<Key, List<Run>> e : groups(runs).entrySet()) {
      Key k = e.getKey();
      List<Run> ok = e.getValue().stream().filter(Run::ok).toList();
      String target;
      String met;
      if (ok.isEmpty()) {
        target = "-";
        met = "no run";
      } else if (k.mode() == MigrationApproach.STOP_AND_COPY) {
        long within = ok.stream().filter(r -> seconds(r.frozen()) <= scTarget(r)).count();
        target = String.format(Locale.ROOT, "≤ %.3f s", stats(ok, BenchFiles::scTarget)
            .getAverage());
        met = within + "/" + ok.size();
      } else if (k.mb() == 200) {
        long within = ok.stream().filter(r -> seconds(r.frozen()) <= LAZY_TARGET_S).count();
        target = "≤ 0.100 s";
        met = within + "/" + ok.size();
      } else {
        target = "-";
        met = "-";
      }
      out.append(String.format(Locale.ROOT, "| %d | %s | %s | %d/%d | %s | %s | %s | %s | %s | %s "
          + "| %s | %s | %s | %s |%n", k.mb(), k.mode().displayName(), k.rate(), ok.size(),
          e.getValue().size(),
          cell(ok, r -> seconds(r.checkpoint())), cell(ok, r -> seconds(r.transfer())),
          cell(ok, r -> seconds(r.restore())), cell(ok, r -> seconds(r.frozen())),
          cell(ok, r -> r.bytesMoved().megabytes()), cell(ok, Run::tcpGapSeconds),
          cell(ok, Run::udpGapSeconds), cell(ok, Run::ratio), target, met));
    }
    for (Run r : runs) {
      if (!r.ok()) {
        out.append("\nfailed: ").append(r.workloadMb()).append(" MB ")
            .append(r.mode().displayName()).append(' ').append(gbps(r)).append(" Gbit/s run ")
            .append(r.run()).append(": ").append(r.error()).append('\n');
      }
      if (r.ok() && !r.tcpSurvived()) {
        out.append("\nTCP connection lost: ").append(r.workloadMb()).append(" MB ")
            .append(r.mode().displayName()).append(" run ").append(r.run()).append('\n');
      }
    }
    if (runs.stream().anyMatch(r -> r.ok() && r.mode() == MigrationApproach.LAZY)) {
      out.append("\nLazy: frozen = dump until the container runs at the destination; the pages"
          + " follow. Time until the last page arrived (from the dump's start): ");
      List<String> parts = new ArrayList<>();
      for (Map.Entry<Key, List<Run>> e : groups(runs).entrySet()) {
        List<Run> ok = e.getValue().stream().filter(Run::ok).toList();
        if (e.getKey().mode() == MigrationApproach.LAZY && !ok.isEmpty()) {
          parts.add(e.getKey().mb() + " MB at " + e.getKey().rate() + " Gbit/s "
              + cell(ok, r -> seconds(r.lastPage())) + " s");
        }
      }
      out.append(String.join("; ", parts)).append(".\n");
    }
    return out.toString();
  }

  static double scTarget(Run r) {
    double wire = (double) r.bytesMoved().bits() / r.rate().bitsPerSecond();
    return SC_FACTOR * wire + SC_SLACK_S;
  }

  private static DoubleSummaryStatistics stats(List<Run> runs, ToDoubleFunction<Run> f) {
    return runs.stream().mapToDouble(f).summaryStatistics();
  }

  private static String cell(List<Run> runs, ToDoubleFunction<Run> f) {
    if (runs.isEmpty()) {
      return "-";
    }
    DoubleSummaryStatistics s = stats(runs, f);
    if (runs.size() == 1) {
      return String.format(Locale.ROOT, "%.3f", s.getAverage());
    }
    return String.format(Locale.ROOT, "%.3f (%.3f–%.3f)", s.getAverage(), s.getMin(), s.getMax());
  }

  /** CRIU's own statistics per run (times in seconds; empty where CRIU wrote none). */
  public static String criuStatsCsv(List<Run> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (Run r : runs.stream().filter(Run::ok).toList()) {
      List<String> row = new ArrayList<>(List.of(Integer.toString(r.workloadMb()),
          r.mode().displayName(), gbps(r), Integer.toString(r.run())));
      row.addAll(r.dumpStats().map(d -> List.of(fixed(4, seconds(d.freezing())),
          fixed(4, seconds(d.frozen())), fixed(4, seconds(d.memoryDump())),
          fixed(4, seconds(d.memoryWrite())), Long.toString(d.pagesScanned()),
          Long.toString(d.pagesWritten()), Long.toString(d.pagesLazy())))
          .orElse(List.of("", "", "", "", "", "", "")));
      row.addAll(r.restoreStats().map(x -> List.of(fixed(4, seconds(x.restore())),
          Long.toString(x.pagesRestored()))).orElse(List.of("", "")));
      rows.add(row);
    }
    return CsvTable.text(CRIU_STATS_COLUMNS, rows);
  }

  /** Writes runs.csv, criu_stats.csv, summary.md and the plots into {@code dir}. */
  public static List<Path> write(Path dir, List<Run> runs) throws IOException {
    Files.createDirectories(dir);
    List<Path> written = new ArrayList<>();
    written.add(Files.writeString(dir.resolve("runs.csv"), csv(runs)));
    written.add(Files.writeString(dir.resolve("criu_stats.csv"), criuStatsCsv(runs)));
    written.add(Files.writeString(dir.resolve("summary.md"), summary(runs)));
    List<Run> ok = runs.stream().filter(Run::ok).toList();
    written.add(BarPlot.write(dir.resolve("frozen.svg"), "Frozen time per move (mean of runs)",
        "s", ok, r -> seconds(r.frozen())));
    written.add(BarPlot.write(dir.resolve("gaps.svg"),
        "Client gap over UDP per move (mean of runs)", "s", ok, Run::udpGapSeconds));
    written.add(BarPlot.write(dir.resolve("bytes.svg"), "Bytes moved per move (mean of runs)",
        "MB", ok, r -> r.bytesMoved().megabytes()));
    return written;
  }
}
