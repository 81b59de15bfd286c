package org.ferry.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The VM bench's files, written without a testbed: runs.csv and its three XChart plots. */
class VmBenchFilesTest {

  @Test
  void writesTheCsvAndThePlots(@TempDir Path dir) throws Exception {
    VmMigrationBench.write(List.of(
        new BenchRun(1, 25, 0.1, 1, 6.2, 5.9, 0.021, 600_000_000L, 0.04, ""),
        new BenchRun(10, 25, 0.1, 1, 1.1, 0.9, 0.018, 650_000_000L, 0.03, ""),
        new BenchRun(10, 50, 0.1, 1, 1.2, 1.0, 0.019, 660_000_000L, 0.03, "no answer")), dir);
    List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
    assertThat(csv).hasSize(3).first().isEqualTo(BenchRun.CSV_HEADER);
    assertThat(csv.get(1)).startsWith("1,25,0.100,1,6.200,0.021,600.0,0.040,");
    for (String plot : List.of("downtime.svg", "ratio.svg", "ping_gap.svg")) {
      assertThat(Files.readString(dir.resolve(plot))).as(plot).contains("<svg", "</svg>");
    }
  }
}
