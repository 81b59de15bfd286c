package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferry.app.experiment.ResultsCsv;
import org.ferry.app.experiment.SweepPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry experiment}: one repetition of the whole sweep, and what it writes. */
class ExperimentCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void theSweepWritesOneRowPerRunTheTablesAndThePlots(@TempDir Path dir) throws IOException {
    assertThat(ferry("experiment", "--repetitions", "1", "--out", dir.toString())).isZero();
    assertThat(out.toString()).contains("288 configurations x 1 repetitions = 288 runs")
        .contains("wall time");
    assertThat(err.toString()).contains("288/288 runs");

    List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
    assertThat(csv.getFirst()).isEqualTo(ResultsCsv.HEADER);
    assertThat(csv).hasSize(1 + SweepPoint.all().size());
    assertThat(csv.subList(1, csv.size())).allSatisfy(row -> {
      String[] cells = row.split(",", -1);
      assertThat(cells).hasSize(ResultsCsv.HEADER.split(",").length);
      assertThat(cells[9]).as(row).isEqualTo("moved");
      assertThat(Double.parseDouble(cells[10])).isPositive();
      assertThat(cells[13].isEmpty()).as("UE SRT only for the SPGW: " + row)
          .isEqualTo(!cells[0].equals("SPGW"));
    });

    String tables = Files.readString(dir.resolve("tables.md"));
    assertThat(tables).contains("## openroadm: VM pre-copy", "## datacenter: container"
        + " stop-and-copy", "(ref 3.24)", "(ref 13.00)", "## Calibration");
    for (String plot : List.of("migration-time", "downtime", "ue-recovery")) {
      for (String testbed : List.of("openroadm", "datacenter")) {
        for (String ext : List.of("png", "svg")) {
          assertThat(dir.resolve(plot + "-" + testbed + "." + ext)).isNotEmptyFile();
        }
      }
    }
  }

  @Test
  void onlyTheSimulatedModeExistsYet() {
    assertThat(ferry("experiment", "--mode", "testbed", "--benchmark")).isEqualTo(2);
    assertThat(err.toString()).contains("--mode testbed is not available");
  }

  @Test
  void repetitionsMustBePositive() {
    assertThat(ferry("experiment", "--repetitions", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--repetitions must be 1 or more");
  }
}
