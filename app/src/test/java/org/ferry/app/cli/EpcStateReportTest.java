package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EpcStateReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void theLongestGapOfAnyUeIsPlacedInSecondsSinceTheCut() throws Exception {
    Instant cut = Instant.ofEpochMilli(1_000_000);
    // gaps are [ended at (epoch ms), length (ms)]
    var report = JSON.readTree("""
        {"ues": [
          {"gaps": [[1010000, 120]]},
          {"gaps": [[1012500, 480], [1013000, 60]]},
          {"gaps": []}
        ]}""");
    assertThat(EpcStateReport.longestGapBegan(report, cut)).isEqualTo("12.020");
  }

  @Test
  void noGapGivesNothing() throws Exception {
    assertThat(EpcStateReport.longestGapBegan(JSON.readTree("{\"ues\": [{\"gaps\": []}]}"),
        Instant.EPOCH)).isEmpty();
  }

  @Test
  void everyPieceOfStateMustSurviveAndAFunctionThatDoesNotAnswerIsReported() throws Exception {
    var hss = JSON.readTree("{\"subscribers\": 10, \"connections\": [{\"peer\": \"/10.0.0.42:4000\"}]}");
    var mme = JSON.readTree("{\"associations\": [{\"peer\": \"x\"}], \"ueContexts\": 10}");
    var spgw = JSON.readTree("{\"tunnels\": 10}");
    var ues = JSON.readTree("{\"summary\": {\"attached\": 10, \"reattaches\": 0}, \"ues\": []}");
    var whole = new EpcStateReport(java.util.Map.of(org.ferry.compute.epc.EpcFunction.HSS, hss,
        org.ferry.compute.epc.EpcFunction.MME, mme, org.ferry.compute.epc.EpcFunction.SPGW, spgw),
        ues, "/10.0.0.42:4000", Instant.EPOCH);
    assertThat(whole.kept(10)).isTrue();
    assertThat(new EpcStateReport(whole.state(), ues, "/10.0.0.42:4001", Instant.EPOCH).kept(10))
        .as("a new Diameter connection is a drop").isFalse();

    var silent = JSON.readTree("{\"error\": \"spgw-1 did not answer status\"}");
    var lost = new EpcStateReport(java.util.Map.of(org.ferry.compute.epc.EpcFunction.HSS, hss,
        org.ferry.compute.epc.EpcFunction.MME, mme, org.ferry.compute.epc.EpcFunction.SPGW, silent),
        ues, "/10.0.0.42:4000", Instant.EPOCH);
    assertThat(lost.kept(10)).isFalse();
    var context = new java.util.LinkedHashMap<String, Object>();
    lost.addTo(context);
    assertThat(context).containsEntry("spgw_status_error", "spgw-1 did not answer status")
        .containsEntry("hss_same_diameter_connection", true);
    var text = new java.io.StringWriter();
    lost.print(new java.io.PrintWriter(text), org.ferry.model.network.SiteId.of("site-b"));
    assertThat(text.toString()).contains("SPGW: does NOT answer: spgw-1 did not answer status");
  }
}
