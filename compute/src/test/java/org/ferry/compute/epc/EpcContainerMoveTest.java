package org.ferry.compute.epc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ferry.compute.criu.Criu;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.criu.SiteNetwork;
import org.ferry.compute.epc.EpcFunction;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The EPC stand-ins as CRIU containers in the testbed: 10 UEs attach from the RAN namespace and
 * echo every 10 ms; the HSS, the MME and the SPGW move from site A to site B in turn
 * (stop-and-copy over a 1 Gbit/s lightpath), then the SPGW comes back lazily. After each move
 * the function's own status shows its state kept, and at the end the probe shows no UE
 * re-attached. Needs root on Linux and CRIU >= 4.2 (scripts/testbed-setup.sh).
 */
class EpcContainerMoveTest {

  private static final NetworkPath PATH = new NetworkPath(DataRate.ofGbps(1), Duration.ZERO);

  @TempDir Path work;

  record Move(EpcFunction function, MigrationApproach approach, long startMs, long endMs,
      long frozenMs) {}

  @Test
  @Timeout(240)
  void eachFunctionMovesWithItsStateAndNoUeReattaches() throws Exception {
    boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(linux && root, "skipped: real CRIU moves need root on Linux");
    Criu criu = Criu.require();
    TestbedLayout layout = new TestbedLayout("fe-e" + ProcessHandle.current().pid());
    List<Move> moves = new ArrayList<>();
    try (Testbed net = new Testbed(layout, TestbedArtefacts.fromEnvironment())) {
      net.up();
      net.applyLink(LinkShape.of(DataRate.ofGbps(1), Duration.ZERO));
      SiteNetwork a = SiteNetwork.of(layout.siteA());
      SiteNetwork b = SiteNetwork.of(layout.siteB());
      try (CriuContainerVim vim = new CriuContainerVim("fe-epc", criu, work.resolve("images"),
              List.of(a, b));
          EpcOnContainers epc = new EpcOnContainers(vim, layout, work.resolve("epc"), "fe-")) {
        epc.deploy(a.placement());
        try (EpcProbe probe = epc.startProbe(10, 10)) {
          probe.awaitAttached(Duration.ofSeconds(60));
          JsonNode mme = epc.awaitStatus(EpcFunction.MME,
              s -> s.path("registered").asInt() == 10, "10 registered UEs",
              Duration.ofSeconds(20));
          JsonNode hss = epc.status(EpcFunction.HSS);
          assertThat(hss.path("connections")).hasSize(1);
          String diameterPeer = hss.path("connections").get(0).path("peer").asText();
          String s1Peer = mme.path("associations").get(0).path("peer").asText();
          JsonNode spgw = epc.status(EpcFunction.SPGW);
          assertThat(spgw.path("tunnels").asInt()).isEqualTo(10);
          Thread.sleep(500);

          moves.add(move(epc, EpcFunction.HSS, VnfKind.HSS, a, b, MigrationApproach.STOP_AND_COPY));
          hss = epc.status(EpcFunction.HSS);
          assertThat(hss.path("subscribers").asInt()).isEqualTo(10);
          assertThat(hss.path("connections")).as("the HSS keeps its one Diameter peer")
              .hasSize(1);
          assertThat(hss.path("connections").get(0).path("peer").asText())
              .as("the same TCP connection to the MME").isEqualTo(diameterPeer);
          assertThat(epc.status(EpcFunction.MME).path("hss").path("connected").asBoolean())
              .isTrue();

          moves.add(move(epc, EpcFunction.MME, VnfKind.MME, a, b, MigrationApproach.LAZY));
          mme = epc.status(EpcFunction.MME);
          assertThat(mme.path("associations")).as("the S1 association").hasSize(1);
          assertThat(mme.path("associations").get(0).path("peer").asText()).isEqualTo(s1Peer);
          assertThat(mme.path("ueContexts").asInt()).isEqualTo(10);
          assertThat(mme.path("registered").asInt()).isEqualTo(10);
          assertThat(mme.path("hss").path("connected").asBoolean()).isTrue();
          assertThat(epc.status(EpcFunction.HSS).path("connections").get(0).path("peer").asText())
              .isEqualTo(diameterPeer);

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, a, b,
              MigrationApproach.STOP_AND_COPY));
          spgw = epc.status(EpcFunction.SPGW);
          assertThat(spgw.path("tunnels").asInt()).as("every tunnel").isEqualTo(10);
          assertThat(spgw.path("complete").asInt()).isEqualTo(10);
          Thread.sleep(1500);

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, b, a, MigrationApproach.LAZY));
          assertThat(epc.status(EpcFunction.SPGW).path("tunnels").asInt()).isEqualTo(10);
          Thread.sleep(1500);

          JsonNode report = probe.stop(Duration.ofSeconds(20));
          JsonNode summary = report.path("summary");
          System.out.println("probe: " + summary);
          for (Move m : moves) {
            System.out.printf("MOVE %s %s: frozen %d ms, longest UE gap %d ms%n",
                m.function(), m.approach(), m.frozenMs(), longestGap(report, m));
          }
          assertThat(summary.path("attached").asInt()).isEqualTo(10);
          assertThat(summary.path("reattaches").asInt()).as("no UE re-attached").isZero();
          assertThat(summary.path("s1Setups").asInt()).as("no new S1 setup").isEqualTo(1);
          mme = epc.status(EpcFunction.MME);
          assertThat(mme.path("ueContexts").asInt()).isEqualTo(10);
          assertThat(summary.path("maxGapMs").asLong()).as("service came back").isLessThan(
              15_000);
        }
      }
    }
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

  private static Move move(EpcOnContainers epc, EpcFunction f, VnfKind kind, SiteNetwork from,
      SiteNetwork to, MigrationApproach approach) {
    CriuContainerVim vim = epc.vim();
    Placement source = from.placement();
    Vnf vnf = new Vnf(epc.id(f), kind, Virtualization.CONTAINER, Flavor.SMALL, source,
        Ipv4Address.of(f.address()), BackhaulInterface.FLOATING_IP, List.of());
    long start = System.currentTimeMillis();
    long t0 = System.nanoTime();
    CheckpointImage image = vim.checkpoint(new MigrationRequest(vnf, to.placement(), approach,
        PATH));
    CheckpointImage moved = vim.transfer(image, to.placement(), PATH);
    vim.restore(moved);
    long frozen = (System.nanoTime() - t0) / 1_000_000;
    if (approach == MigrationApproach.LAZY) {
      vim.awaitLazyPages(moved, PATH);
    }
    vim.discard(image);
    vim.discard(moved);
    assertThat(vim.locate(epc.id(f))).contains(to.placement());
    return new Move(f, approach, start, System.currentTimeMillis(), frozen);
  }
}
