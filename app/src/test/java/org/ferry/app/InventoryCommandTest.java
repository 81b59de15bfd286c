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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --inventory FILE} on demo, migrate and predict: Ferry runs on a network that has nothing
 * of the reference setting (examples/five-g-ring.yaml: three compute sites, two cell sites, 5G
 * kinds), and a bad file is refused with every error listed.
 */
class InventoryCommandTest {

  private static final String RING = Path.of("../examples/five-g-ring.yaml").toString();
  private static final String REFERENCE = Path.of("../examples/reference.yaml").toString();

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void aCutOnAnotherNetworkRelocatesWhatMissesItsSla(@TempDir Path dir) throws IOException {
    Path outDir = dir.resolve("run");
    assertThat(ferry("demo", "--inventory", RING, "--cut", "f-north-e1", "--out",
        outDir.toString())).as(err.toString()).isZero();

    assertThat(out.toString()).contains("five-g-ring", "Cutting f-north-e1", "RELOCATED");
    JsonNode report = new ObjectMapper().readTree(outDir.resolve("report.json").toFile());
    assertThat(report.at("/context/inventory").asText()).isEqualTo(RING);
    JsonNode run = report.at("/runs/0");
    assertThat(run.at("/outcome").asText()).isEqualTo("relocated");
    // The UPF's 200 us toward cell-north breaks on the restored path (about 280 us); the AMF's
    // 300 us holds, so only the UPF moves, to edge-2, the one site that keeps it in SLA.
    List<String> moved = new ArrayList<>();
    run.at("/moves").forEach(m -> moved.add(m.at("/kind").asText()));
    assertThat(moved).containsExactly("UPF");
    assertThat(run.toString()).contains("edge-2");
  }

  @Test
  void theReferenceFileGivesTheReferenceDemo() {
    assertThat(ferry("demo")).isZero();
    String reference = afterHeader(out.toString());
    out.getBuffer().setLength(0);

    assertThat(ferry("demo", "--inventory", REFERENCE, "--cut", "fiber-ran-a")).isZero();

    assertThat(afterHeader(out.toString())).isEqualTo(reference);
  }

  @Test
  void optionsGivenOverrideEveryVnfOfTheInventory(@TempDir Path dir) throws IOException {
    Path outDir = dir.resolve("run");
    assertThat(ferry("demo", "--inventory", RING, "--cut", "f-north-e1", "--virtualization",
        "container", "--out", outDir.toString())).as(err.toString()).isZero();

    List<String> csv = Files.readAllLines(outDir.resolve("summary.csv"));
    assertThat(csv.subList(1, csv.size())).allSatisfy(row ->
        assertThat(row.split(",", -1)[1]).isEqualTo("container"));
  }

  @Test
  void aPlannedMoveOfA5gKindRunsOnTheInventory() {
    assertThat(ferry("migrate", "--inventory", RING, "--vnf", "AMF", "--to", "edge-2"))
        .as(err.toString()).isZero();
    assertThat(out.toString()).contains("[AMF] to edge-2").contains("RELOCATED");
  }

  @Test
  void predictKnowsTheKindsAnInventoryDeclares() {
    assertThat(ferry("predict", "--inventory", RING, "--vnf", "upf", "--virtualization", "vm",
        "--flavor", "medium", "--distance-km", "22", "--interface", "floating-ip", "--testbed",
        "openroadm")).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("UPF as vm (medium)");

    assertThat(ferry("predict", "--vnf", "UPF", "--virtualization", "vm", "--flavor", "small",
        "--distance-km", "22", "--interface", "floating-ip", "--testbed", "openroadm"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--vnf").contains("HSS, MME, SPGW")
        .contains("--inventory");
  }

  @Test
  void withAnInventoryTheFibreToCutMustBeOneOfItsOwn() {
    assertThat(ferry("demo", "--inventory", RING)).isEqualTo(2);
    assertThat(err.toString()).contains("--cut is required").contains("f-north-e1, ")
        .contains("f-e1-e2");
    err.getBuffer().setLength(0);

    assertThat(ferry("demo", "--inventory", RING, "--cut", "fiber-ran-a")).isEqualTo(2);
    assertThat(err.toString()).contains("--cut").contains("no fiber 'fiber-ran-a'")
        .contains("f-north-e1");
  }

  @Test
  void theReferenceDistanceDoesNotGoWithAnInventory() {
    assertThat(ferry("demo", "--inventory", RING, "--cut", "f-north-e1", "--distance-km", "80"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--distance-km").contains("length-km");
  }

  @Test
  void aBadInventoryIsRefusedWithEveryError(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, Files.readString(Path.of(RING))
        .replace("    flavor: medium", "    flavour: medium")
        .replace("max-latency-us: 300", "max-latency-us: -1")
        .replace("host: core-host-1", "host: core-host-9"));

    assertThat(ferry("demo", "--inventory", bad.toString(), "--cut", "f-north-e1"))
        .isEqualTo(2);

    assertThat(err.toString()).contains("has 3 errors:")
        .contains("vnfs[0].flavour: unknown field; did you mean 'flavor'?")
        .contains("vnfs[1].peers[0].max-latency-us: must be above 0, got -1")
        .contains("vnfs[4].placement.host: refers to host 'core-host-9'");
    assertThat(out.toString()).doesNotContain("Cutting");
  }

  /**
   * The demo's output without its first line, which names the setting, and with the run's id,
   * unique to each run, as RUN.
   */
  private static String afterHeader(String printed) {
    return printed.substring(printed.indexOf('\n') + 1)
        .replaceAll("run-\\d{8}T\\d{6}-\\d+-[0-9a-z]{5}", "RUN");
  }
}
