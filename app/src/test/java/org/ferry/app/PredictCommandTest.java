package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;

/** {@code ferry predict} as a user meets it. */
class PredictCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static String[] predict(String vnf, String virtualization, String... more) {
    List<String> args = new ArrayList<>(List.of("predict", "--vnf", vnf, "--virtualization",
        virtualization, "--flavor", "small", "--distance-km", "25", "--interface", "openvpn",
        "--testbed", "openroadm"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private List<String> csvLines() {
    return out.toString().lines().toList();
  }

  @Test
  void aVmPreCopyInCsvHasItsPhasesTotalDowntimeAndBytes() {
    assertThat(ferry(predict("HSS", "vm", "--format", "csv"))).isZero();
    List<String> lines = csvLines();
    assertThat(lines.getFirst()).isEqualTo("metric,value,unit");
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[0])
        .containsExactly("prelive", "live", "postlive", "total", "downtime", "bytes_moved");
    assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(3));
    double prelive = value(lines, "prelive");
    double live = value(lines, "live");
    double postlive = value(lines, "postlive");
    assertThat(value(lines, "total")).isCloseTo(prelive + live + postlive,
        org.assertj.core.data.Offset.offset(0.005));
    assertThat(live).isBetween(40.0, 60.0);
    assertThat(lines).contains("bytes_moved,3512.6,MB".replace("3512.6",
        String.format(java.util.Locale.ROOT, "%.1f", value(lines, "bytes_moved"))));
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aContainerStopAndCopyOfTheSpgwHasItsPhasesAndTheUeRecovery() {
    assertThat(ferry(predict("SPGW", "container", "--format", "csv"))).isZero();
    List<String> lines = csvLines();
    assertThat(lines.subList(1, lines.size())).extracting(l -> l.split(",")[0])
        .containsExactly("checkpoint", "transfer", "restore", "total", "downtime",
            "bytes_moved", "ue_srt");
    assertThat(value(lines, "downtime")).isEqualTo(value(lines, "total"));
    // OpenVPN: the downtime, the flow change and about 8 s of reconnection.
    assertThat(value(lines, "ue_srt")).isCloseTo(value(lines, "downtime") + 8.02,
        org.assertj.core.data.Offset.offset(0.002));
    assertThat(value(lines, "bytes_moved")).isEqualTo(100.0);
  }

  @Test
  void otherApproachesAndFormats() {
    assertThat(ferry(predict("MME", "vm", "--approach", "post-copy", "--format", "json")))
        .isZero();
    assertThat(ferry(predict("MME", "container", "--approach", "lazy"))).isZero();
    assertThat(out.toString()).contains("lazy").contains("page_pull").contains("converges");
  }

  @Test
  void theJsonCarriesTheFiguresAndTheConvergence() throws IOException {
    assertThat(ferry("predict", "--vnf", "SPGW", "--virtualization", "vm", "--flavor", "small",
        "--distance-km", "0.3", "--interface", "floating-ip", "--testbed", "datacenter",
        "--format", "json")).isZero();
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.at("/approach").asText()).isEqualTo("pre-copy");
    assertThat(json.at("/testbed").asText()).isEqualTo("datacenter");
    assertThat(json.at("/convergence").asText()).isEqualTo("converges");
    assertThat(json.at("/figures/live/value").asDouble()).isBetween(5.0, 15.0);
    assertThat(json.at("/figures/ue_srt/unit").asText()).isEqualTo("s");
  }

  @Test
  void theTableShowsTheReferenceFigureWhereTheStudyMeasuredTheConfiguration() {
    assertThat(ferry(predict("MME", "container"))).isZero();
    assertThat(out.toString()).contains("checkpoint").contains("(reference study: 4.29 s)")
        .contains("(reference study: 9.10 s)");
  }

  @Test
  void aZeroKilometreLightpathIsAccepted() {
    assertThat(ferry("predict", "--vnf", "MME", "--virtualization", "container", "--flavor",
        "medium", "--distance-km", "0", "--interface", "floating-ip", "--testbed",
        "datacenter", "--format", "csv")).isZero();
  }

  @Test
  void theSettingDefaultsToTheReferenceSettingAsForTheDemo() {
    assertThat(ferry("predict", "--vnf", "HSS")).isZero();
    ReferenceSetting.Options reference = ReferenceSetting.Options.defaults();
    assertThat(out.toString()).startsWith("HSS as " + reference.virtualization().displayName()
        + " (" + reference.flavor().displayName() + "), pre-copy over "
        + reference.interSiteDistance() + " of lightpath on the "
        + reference.testbed().displayName() + " testbed, "
        + reference.backhaul().displayName() + " backhaul");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aLightpathLongerThanARegionalNetworkIsWarnedOf() {
    assertThat(ferry("predict", "--vnf", "MME", "--distance-km", "100000")).isZero();
    assertThat(err.toString()).startsWith("ferry: warning: 100000").contains("extrapolation");
    err.getBuffer().setLength(0);
    assertThat(ferry("predict", "--vnf", "MME", "--distance-km", "800")).isZero();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void badValuesAreRejectedNamingTheOptionAndWhatItAccepts() {
    assertThat(ferry(predict("HSS", "vm", "--format", "xml"))).isEqualTo(2);
    assertThat(err.toString()).contains("--format").contains("table, csv, json");
    err.getBuffer().setLength(0);
    assertThat(ferry("predict", "--vnf", "HSS", "--virtualization", "vm", "--flavor", "small",
        "--distance-km", "-1", "--interface", "openvpn", "--testbed", "openroadm"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--distance-km").contains("0 or more");
    err.getBuffer().setLength(0);
    assertThat(ferry("predict", "--vnf", "HSS", "--virtualization", "vm", "--flavor", "small",
        "--distance-km", "1", "--interface", "openvpn", "--testbed", "lab")).isEqualTo(2);
    assertThat(err.toString()).contains("--testbed").contains("openroadm, datacenter");
    err.getBuffer().setLength(0);
    assertThat(ferry(predict("HSS", "vm", "--approach", "lazy"))).isEqualTo(2);
    assertThat(err.toString()).contains("--approach lazy").contains("--virtualization is vm");
  }

  @Test
  void calibrateRefitsTheBundledFiguresAndReportsTheErrorPerPhase() {
    assertThat(ferry("calibrate")).isZero();
    assertThat(out.toString()).contains("Shipped parameters:", "Refitted:", "| live | 14 |",
        "| streamEfficiency |", "streamCpuLimit");
    assertThat(ferry("calibrate", "--reference", "/no/such/dir")).isEqualTo(2);
    assertThat(err.toString()).contains("--reference").contains("no calibration.csv");
  }

  private static double value(List<String> lines, String metric) {
    return lines.stream().filter(l -> l.startsWith(metric + ",")).findFirst()
        .map(l -> Double.parseDouble(l.split(",")[1])).orElseThrow();
  }
}
