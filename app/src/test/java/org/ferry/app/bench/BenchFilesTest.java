package org.ferry.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ferry.compute.criu.CriuStats;
import org.ferry.compute.bench.ContainerMigrationBench.Run;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchFilesTest {

  private static Run run(MigrationApproach mode, double frozenS, double mb, int n) {
    Duration frozen = Duration.ofNanos((long) (frozenS * 1e9));
    return new Run(200, mode, DataRate.ofGbps(1), n, frozen.dividedBy(2), frozen.dividedBy(4),
        frozen.dividedBy(4), frozen, frozen.multipliedBy(3), DataSize.ofMegabytes(mb),
        DataSize.ofMegabytes(mb), 0.75, 0.3, true, Duration.ofMillis(100), null,
        Optional.of(new CriuStats.Dump(Duration.ofMillis(2), Duration.ofMillis(100),
            Duration.ofMillis(30), Duration.ofMillis(40), 1000, 900, 0)),
        Optional.of(new CriuStats.Restore(Duration.ZERO, Duration.ofMillis(250), 900)));
  }

  @Test
  void theCsvHasTheAgreedHeaderAndOneRowPerGoodRun() {
    List<Run> runs = List.of(run(MigrationApproach.STOP_AND_COPY, 2.0, 200, 1),
        run(MigrationApproach.LAZY, 0.4, 210, 1),
        new Run(200, MigrationApproach.LAZY, DataRate.ofGbps(10), 1, Duration.ZERO,
            Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, DataSize.ZERO,
            DataSize.ZERO, Double.NaN, Double.NaN, false, Duration.ZERO, "restore failed",
            Optional.empty(), Optional.empty()));
    List<String> lines = BenchFiles.csv(runs).lines().toList();
    assertThat(lines.getFirst()).isEqualTo("workload_mb,mode,rate_gbps,run,checkpoint_s,"
        + "transfer_s,restore_s,frozen_s,bytes_moved_mb,tcp_gap_s,udp_gap_s,ratio");
    assertThat(lines).hasSize(3);
    assertThat(lines.get(1)).startsWith("200,stop-and-copy,1,1,1.0000,0.5000,0.5000,2.0000,200.00,"
        + "0.750,0.300,1.250");
    assertThat(lines.get(2)).startsWith("200,lazy,1,1,");
    String summary = BenchFiles.summary(runs);
    // 200 MB at 1 Gbit/s: 1.6 s on the wire, target 1.2 x 1.6 + 0.15 = 2.07 s; 2.0 s meets it
    assertThat(summary).contains("| 200 | stop-and-copy | 1 | 1/1 |").contains("≤ 2.070 s | 1/1 |");
    assertThat(summary).contains("| 200 | lazy | 1 | 1/1 |").contains("≤ 0.100 s | 0/1 |");
    assertThat(summary).contains("failed: 200 MB lazy 10 Gbit/s run 1: restore failed");
  }

  @Test
  void writesTheCsvTheSummaryAndThePlots(@TempDir Path dir) throws Exception {
    List<Path> written = BenchFiles.write(dir, List.of(
        run(MigrationApproach.STOP_AND_COPY, 2.0, 200, 1),
        run(MigrationApproach.STOP_AND_COPY, 2.2, 200, 2),
        run(MigrationApproach.LAZY, 0.4, 210, 1)));
    assertThat(written).extracting(p -> p.getFileName().toString())
        .containsExactly("runs.csv", "criu_stats.csv", "summary.md", "frozen.svg", "gaps.svg",
            "bytes.svg");
    assertThat(Files.readAllLines(dir.resolve("criu_stats.csv")).get(1))
        .isEqualTo("200,stop-and-copy,1,1,0.0020,0.1000,0.0300,0.0400,1000,900,0,0.2500,900");
    // Drawn by XChart, as the experiment's plots: its labels are glyph outlines, not text.
    assertThat(Files.readString(dir.resolve("frozen.svg"))).contains("<svg", "<path", "</svg>");
    assertThat(Files.size(dir.resolve("bytes.svg"))).isPositive();
  }
}
