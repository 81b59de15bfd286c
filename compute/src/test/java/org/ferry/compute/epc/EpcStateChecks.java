package org.ferry.compute.epc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import org.ferry.model.vnf.MigrationApproach;

/**
 * The state the EPC stand-ins hold while the probe's UEs are attached, taken once before the
 * moves and checked, over each function's status socket, after each move and at the end: the
 * HSS's one Diameter connection (the same peer, address and port), the MME's S1 association
 * (the same peer), its UE contexts and S6a link, the SPGW's tunnels, and no UE re-attached.
 */
final class EpcStateChecks {

  static final int UES = 10;

  /** One move, for the gaps the UEs saw during it. */
  record Move(EpcFunction function, MigrationApproach approach, long startMs, long endMs,
      long frozenMs) {}

  private final EpcStandIns epc;
  private final String diameterPeer;
  private final String s1Peer;

  private EpcStateChecks(EpcStandIns epc, String diameterPeer, String s1Peer) {
    this.epc = epc;
    this.diameterPeer = diameterPeer;
    this.s1Peer = s1Peer;
  }

  /** Waits until every UE is registered at the MME, and takes the state to keep. */
  static EpcStateChecks baseline(EpcStandIns epc, Duration timeout) {
    JsonNode mme = epc.awaitStatus(EpcFunction.MME,
        s -> s.path("registered").asInt() == UES, UES + " registered UEs", timeout);
    JsonNode hss = epc.status(EpcFunction.HSS);
    assertThat(hss.path("connections")).hasSize(1);
    assertThat(epc.status(EpcFunction.SPGW).path("tunnels").asInt()).isEqualTo(UES);
    return new EpcStateChecks(epc, hss.path("connections").get(0).path("peer").asText(),
        mme.path("associations").get(0).path("peer").asText());
  }

  /** The HSS kept its subscribers and its one Diameter connection; the MME still has S6a. */
  void assertHssKept() {
    JsonNode hss = epc.status(EpcFunction.HSS);
    assertThat(hss.path("subscribers").asInt()).isEqualTo(UES);
    assertThat(hss.path("connections")).as("the HSS keeps its one Diameter peer").hasSize(1);
    assertThat(hss.path("connections").get(0).path("peer").asText())
        .as("the same TCP connection to the MME").isEqualTo(diameterPeer);
    assertThat(epc.status(EpcFunction.MME).path("hss").path("connected").asBoolean()).isTrue();
  }

  /** The MME kept its S1 association, every UE context and its connection to the HSS. */
  void assertMmeKept() {
    JsonNode mme = epc.status(EpcFunction.MME);
    assertThat(mme.path("associations")).as("the S1 association").hasSize(1);
    assertThat(mme.path("associations").get(0).path("peer").asText()).isEqualTo(s1Peer);
    assertThat(mme.path("ueContexts").asInt()).isEqualTo(UES);
    assertThat(mme.path("registered").asInt()).isEqualTo(UES);
    assertThat(mme.path("hss").path("connected").asBoolean()).isTrue();
    assertThat(epc.status(EpcFunction.HSS).path("connections").get(0).path("peer").asText())
        .isEqualTo(diameterPeer);
  }

  /** The SPGW kept every tunnel, complete. */
  void assertSpgwKept() {
    JsonNode spgw = epc.status(EpcFunction.SPGW);
    assertThat(spgw.path("tunnels").asInt()).as("every tunnel").isEqualTo(UES);
    assertThat(spgw.path("complete").asInt()).isEqualTo(UES);
  }

  /**
   * The probe's final report: every UE attached, none re-attached, S1 set up once, the MME's UE
   * contexts and the HSS's connection still there, and service back after every move. Prints
   * each move with the longest gap the UEs saw in it.
   */
  void assertNoUeLost(JsonNode report, List<Move> moves) {
    JsonNode summary = report.path("summary");
    System.out.println("probe: " + summary);
    for (Move m : moves) {
      System.out.printf("MOVE %s %s: %d ms, frozen %d ms, longest UE gap %d ms%n",
          m.function(), m.approach(), m.endMs() - m.startMs(), m.frozenMs(),
          longestGap(report, m));
    }
    assertThat(summary.path("attached").asInt()).isEqualTo(UES);
    assertThat(summary.path("reattaches").asInt()).as("no UE re-attached").isZero();
    assertThat(summary.path("s1Setups").asInt()).as("no new S1 setup").isEqualTo(1);
    assertThat(epc.status(EpcFunction.MME).path("ueContexts").asInt()).isEqualTo(UES);
    assertThat(epc.status(EpcFunction.HSS).path("connections").get(0).path("peer").asText())
        .isEqualTo(diameterPeer);
    assertThat(summary.path("maxGapMs").asLong()).as("service came back").isLessThan(15_000);
  }

  /** The longest gap any UE saw that began during the move (its last answer came then). */
  static long longestGap(JsonNode report, Move m) {
    long longest = 0;
    for (JsonNode ue : report.path("ues")) {
      for (JsonNode gap : ue.path("gaps")) {
        long began = gap.get(0).asLong() - gap.get(1).asLong();
        if (began >= m.startMs() - 20 && began <= m.endMs()) {
          longest = Math.max(longest, gap.get(1).asLong());
        }
      }
    }
    return longest;
  }
}
