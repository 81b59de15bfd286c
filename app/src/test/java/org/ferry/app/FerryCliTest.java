package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferry.app.report.SummaryCsv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: what it prints, writes and exits with. */
class FerryCliTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void demoPrintsATimelineAndASummaryAndExitsZero() {
    assertThat(ferry("demo")).isZero();
    String printed = out.toString();
    assertThat(printed).contains("failure-detected", "optical-restoration", "sla-check",
        "temp-lightpath-setup", "management-steering", "migration", "backhaul-repoint",
        "verify", "temp-lightpath-release");
    assertThat(printed).contains("RELOCATED").contains("SPGW").contains("MME").contains("HSS");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void demoWritesTheReportAndTheSummaryCsv(@TempDir Path dir) throws IOException {
    Path outDir = dir.resolve("run");
    assertThat(ferry("demo", "--virtualization", "container", "--out", outDir.toString()))
        .isZero();

    List<String> csv = Files.readAllLines(outDir.resolve("summary.csv"));
    assertThat(csv.getFirst()).isEqualTo("vnf,virtualization,status,approach,migration_s,"
        + "downtime_s,bytes_moved_mb,ue_srt_s,source,reason");
    assertThat(csv).hasSize(4);
    assertThat(csv.subList(1, 4)).extracting(l -> l.split(",", -1)[0])
        .containsExactly("SPGW", "MME", "HSS");
    for (String row : csv.subList(1, 4)) {
      String[] cells = row.split(",", -1);
      assertThat(cells).hasSize(10);
      assertThat(cells[1]).isEqualTo("container");
      assertThat(cells[2]).isEqualTo("moved");
      assertThat(Double.parseDouble(cells[4])).isPositive();
      assertThat(Double.parseDouble(cells[5])).isPositive();
      assertThat(Double.parseDouble(cells[6])).isPositive();
      assertThat(cells[8]).isEqualTo("simulated");
      assertThat(cells[7].isEmpty()).as("UE SRT only for the SPGW: " + row)
          .isEqualTo(!cells[0].equals("SPGW"));
      assertThat(cells[9]).as("no reason for a move that succeeded").isEmpty();
    }

    JsonNode report = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
    assertThat(report.at("/context/virtualization").asText()).isEqualTo("container");
    JsonNode run = report.at("/runs/0");
    assertThat(run.at("/outcome").asText()).isEqualTo("relocated");
    assertThat(run.at("/steps").size()).isEqualTo(16);
    JsonNode spgw = run.at("/moves/0");
    assertThat(spgw.at("/kind").asText()).isEqualTo("SPGW");
    assertThat(spgw.at("/downtime_s/source").asText()).isEqualTo("simulated");
    assertThat(spgw.at("/predicted/downtime_s/source").asText()).isEqualTo("predicted");
    assertThat(spgw.at("/predicted/convergence").asText()).isEqualTo("converges");
    assertThat(spgw.at("/predicted/ue_srt_s/value").asDouble()).isPositive();
    assertThat(spgw.at("/ue_recovery/srt_s/value").asDouble()).isPositive();
    assertThat(spgw.at("/phases").size()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void twoDemosGiveTheirRunsDifferentIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      out.getBuffer().setLength(0);
      assertThat(ferry("demo")).isZero();
      Matcher id = Pattern.compile("Run (run-\\S+)").matcher(out.toString());
      assertThat(id.find()).as(out.toString()).isTrue();
      ids.add(id.group(1));
    }
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1));
  }

  @Test
  void aPlannedMoveRunsTheSameMachinery() {
    assertThat(ferry("migrate", "--vnf", "MME", "--to", "site-b")).isZero();
    assertThat(out.toString()).contains("planned move").contains("RELOCATED")
        .doesNotContain("failure-detected");
  }

  @Test
  void anUnknownVnfIsRejectedNamingTheOptionAndTheChoices() {
    assertThat(ferry("migrate", "--vnf", "PCRF")).isEqualTo(2);
    assertThat(err.toString()).contains("--vnf").contains("PCRF").contains("HSS, MME, SPGW");
  }

  @Test
  void aNegativeDistanceIsRejectedNamingTheOption() {
    assertThat(ferry("demo", "--distance-km", "-5")).isEqualTo(2);
    assertThat(err.toString()).contains("--distance-km").contains("must be above 0 km")
        .doesNotContain("0 or more");
    err.getBuffer().setLength(0);
    assertThat(ferry("demo", "--distance-km", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("must be above 0 km");
  }

  @Test
  void aMoveToTheRanIsRefusedAsBadInputBeforeTheBanner() {
    assertThat(ferry("migrate", "--vnf", "SPGW", "--to", "ran")).isEqualTo(2);
    assertThat(err.toString()).contains("ran is a RAN site").contains("site-a, site-b");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMoveToWhereTheVnfIsIsRefusedBeforeTheBanner() {
    assertThat(ferry("migrate", "--vnf", "MME", "--to", "site-a")).isEqualTo(2);
    assertThat(err.toString()).contains("already runs at site-a");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aVnfNamedTwiceIsMovedOnceAndLabelledRequested() {
    assertThat(ferry("migrate", "--vnf", "MME", "--vnf", "MME")).isZero();
    assertThat(out.toString()).contains("[MME] to site-b").doesNotContain("[MME, MME]")
        .contains("mme-1 site-a/a-host-1 -> site-b/b-host-1 (requested)")
        .doesNotContain("misses its SLA where it is");
  }

  @Test
  void anUnknownFlavorIsRejectedNamingTheOptionAndTheChoices() {
    assertThat(ferry("demo", "--flavor", "huge")).isEqualTo(2);
    assertThat(err.toString()).contains("--flavor").contains("huge").contains("small, medium");
  }

  @Test
  void anApproachThatDoesNotSuitTheVirtualizationIsRejected() {
    assertThat(ferry("demo", "--virtualization", "vm", "--approach", "lazy")).isEqualTo(2);
    assertThat(err.toString()).contains("--approach lazy").contains("container");
  }

  @Test
  void anUnknownFiberIsRejectedListingTheKnownOnes() {
    assertThat(ferry("demo", "--cut", "fiber-x")).isEqualTo(2);
    assertThat(err.toString()).contains("fiber-x").contains("fiber-ran-a");
  }

  @Test
  void aModeNotYetBuiltSaysSo() {
    assertThat(ferry("demo", "--mode", "live")).isEqualTo(2);
    assertThat(err.toString()).contains("--mode live").contains("--mode simulated");
  }

  @Test
  void versionAndHelpAnswer() {
    assertThat(ferry("--version")).isZero();
    assertThat(out.toString()).startsWith("ferry ");
    assertThat(ferry("demo", "--help")).isZero();
    assertThat(out.toString()).contains("--virtualization").contains("--out");
  }

  @Test
  void theCsvHeaderIsTheDocumentedOne() {
    assertThat(SummaryCsv.text(List.of())).isEqualTo(SummaryCsv.HEADER + "\n");
  }
}
