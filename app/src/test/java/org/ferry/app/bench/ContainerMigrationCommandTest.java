package org.ferry.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferry.app.FerryCli;
import org.ferry.testbed.net.Testbed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry bench container-migration --quick} for real: two CRIU moves of a 200 MB JVM over a
 * 1 Gbit/s lightpath. Needs root on Linux (skips, saying why, elsewhere) and CRIU >= 4.2 (fails
 * without it: scripts/testbed-setup.sh installs it).
 */
class ContainerMigrationCommandTest {

  @Test
  void quickBenchMovesOncePerModeAndWritesRunsCsv(@TempDir Path dir) throws Exception {
    String why = Testbed.unsupportedReason().orElse(null);
    if (why != null) {
      System.out.println("ContainerMigrationCommandTest skipped: " + why);
    }
    Assumptions.assumeTrue(why == null, why);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    long start = System.nanoTime();
    int code = FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "bench",
        "container-migration", "--quick", "--out", dir.toString(), "--prefix",
        "fc-b" + ProcessHandle.current().pid());
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.println(out);
    assertThat(code).as(out + "\n" + err).isZero();
    assertThat(seconds).as("--quick runs in under two minutes").isLessThan(120);
    List<String> csv = Files.readAllLines(dir.resolve("runs.csv"));
    assertThat(csv).hasSize(3);
    assertThat(csv.get(1)).startsWith("200,stop-and-copy,1,1,");
    assertThat(csv.get(2)).startsWith("200,lazy,1,1,");
    for (String row : csv.subList(1, 3)) {
      String[] cells = row.split(",");
      assertThat(cells).hasSize(12);
      assertThat(Double.parseDouble(cells[7])).as("frozen_s " + row).isPositive();
      assertThat(Double.parseDouble(cells[8])).as("bytes_moved_mb " + row).isGreaterThan(200);
      assertThat(Double.parseDouble(cells[10])).as("udp_gap_s " + row).isPositive();
    }
    assertThat(out.toString()).contains("| 200 | stop-and-copy | 1 |", "| 200 | lazy | 1 |")
        .doesNotContain("TCP connection LOST");
    assertThat(dir.resolve("frozen.svg")).exists();
    List<String> criu = Files.readAllLines(dir.resolve("criu_stats.csv"));
    assertThat(criu).hasSize(3);
    assertThat(Long.parseLong(criu.get(1).split(",")[9])).as("pages written by the dump")
        .isGreaterThan(200L * 256);
  }
}
