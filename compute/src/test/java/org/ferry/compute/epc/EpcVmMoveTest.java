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
import org.ferry.compute.qemu.MigrationTuning;
import org.ferry.compute.qemu.QemuVim;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.VnfKind;
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
 * The EPC stand-ins inside QEMU guests in the testbed: 10 UEs attach from the RAN namespace and
 * echo every 10 ms; the HSS, the MME and the SPGW are live-migrated (pre-copy over a 1 Gbit/s
 * lightpath) from site A to site B in turn. After each move the function's own status shows its
 * state kept (the same Diameter connection and S1 association, every UE context and tunnel), and
 * at the end the probe shows that no UE re-attached. Needs root on Linux, QEMU and the guests'
 * Java runtime disk (scripts/testbed-setup.sh).
 */
class EpcVmMoveTest {

  private static final NetworkPath PATH = new NetworkPath(DataRate.ofGbps(1), Duration.ZERO);

  @TempDir Path work;

  @Test
  @Timeout(420)
  void eachFunctionLiveMigratesWithItsStateAndNoUeReattaches() throws Exception {
    boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
    boolean root = "root".equals(System.getProperty("user.name"));
    Assumptions.assumeTrue(linux && root, "skipped: real QEMU moves need root on Linux");
    TestbedArtefacts artefacts = TestbedArtefacts.fromEnvironment();
    artefacts.check();
    artefacts.checkGuestRuntime();
    TestbedLayout layout = new TestbedLayout("fe-v" + ProcessHandle.current().pid());
    List<EpcContainerMoveTest.Move> moves = new ArrayList<>();
    try (Testbed net = new Testbed(layout, artefacts)) {
      net.up();
      net.applyLink(LinkShape.of(DataRate.ofGbps(1), Duration.ZERO));
      SiteNetwork a = SiteNetwork.of(layout.siteA());
      try (QemuVim vim = new QemuVim(layout, artefacts, net.stateDir().resolve("qemu"),
              MigrationTuning.defaults());
          CriuContainerVim internet = new CriuContainerVim("fe-inet", Criu.require(),
              work.resolve("images"), List.of(a));
          EpcOnVms epc = new EpcOnVms(vim, internet, layout, work.resolve("epc"),
              f -> org.ferry.model.vnf.VnfId.of("fv-" + f.command()))) {
        epc.deploy(a.placement());
        try (EpcProbe probe = epc.startProbe(10, 10)) {
          probe.awaitAttached(Duration.ofSeconds(120));
          JsonNode mme = epc.awaitStatus(EpcFunction.MME,
              s -> s.path("registered").asInt() == 10, "10 registered UEs",
              Duration.ofSeconds(30));
          JsonNode hss = epc.status(EpcFunction.HSS);
          assertThat(hss.path("connections")).hasSize(1);
          String diameterPeer = hss.path("connections").get(0).path("peer").asText();
          String s1Peer = mme.path("associations").get(0).path("peer").asText();
          assertThat(epc.status(EpcFunction.SPGW).path("tunnels").asInt()).isEqualTo(10);
          Thread.sleep(1000);

          SiteId b = layout.siteB().site();
          moves.add(move(epc, EpcFunction.HSS, VnfKind.HSS, b));
          hss = epc.status(EpcFunction.HSS);
          assertThat(hss.path("subscribers").asInt()).isEqualTo(10);
          assertThat(hss.path("connections")).as("the HSS keeps its one Diameter peer")
              .hasSize(1);
          assertThat(hss.path("connections").get(0).path("peer").asText())
              .as("the same TCP connection to the MME").isEqualTo(diameterPeer);

          moves.add(move(epc, EpcFunction.MME, VnfKind.MME, b));
          mme = epc.status(EpcFunction.MME);
          assertThat(mme.path("associations")).as("the S1 association").hasSize(1);
          assertThat(mme.path("associations").get(0).path("peer").asText()).isEqualTo(s1Peer);
          assertThat(mme.path("ueContexts").asInt()).isEqualTo(10);
          assertThat(mme.path("registered").asInt()).isEqualTo(10);
          assertThat(mme.path("hss").path("connected").asBoolean()).isTrue();

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, b));
          JsonNode spgw = epc.status(EpcFunction.SPGW);
          assertThat(spgw.path("tunnels").asInt()).as("every tunnel").isEqualTo(10);
          assertThat(spgw.path("complete").asInt()).isEqualTo(10);
          Thread.sleep(1500);

          JsonNode report = probe.stop(Duration.ofSeconds(20));
          JsonNode summary = report.path("summary");
          System.out.println("probe: " + summary);
          for (EpcContainerMoveTest.Move m : moves) {
            System.out.printf("VM MOVE %s: %d ms, downtime %d ms, longest UE gap %d ms%n",
                m.function(), m.endMs() - m.startMs(), m.frozenMs(),
                EpcContainerMoveTest.longestGap(report, m));
          }
          assertThat(summary.path("attached").asInt()).isEqualTo(10);
          assertThat(summary.path("reattaches").asInt()).as("no UE re-attached").isZero();
          assertThat(summary.path("s1Setups").asInt()).as("no new S1 setup").isEqualTo(1);
          assertThat(epc.status(EpcFunction.HSS).path("connections").get(0).path("peer")
              .asText()).isEqualTo(diameterPeer);
          assertThat(summary.path("maxGapMs").asLong()).as("service came back").isLessThan(
              15_000);
        }
      }
    }
  }

  private static EpcContainerMoveTest.Move move(EpcOnVms epc, EpcFunction f, VnfKind kind,
      SiteId to) {
    QemuVim vim = epc.vim();
    long start = System.currentTimeMillis();
    MigrationOutcome outcome = vim.liveMigrate(new MigrationRequest(
        vim.describe(epc.id(f), kind, Flavor.SMALL), QemuVim.placement(to),
        MigrationApproach.PRE_COPY, PATH), p -> { });
    assertThat(vim.locate(epc.id(f))).contains(QemuVim.placement(to));
    assertThat(vim.fault(epc.id(f))).as("a sound guest after the move").isEmpty();
    return new EpcContainerMoveTest.Move(f, MigrationApproach.PRE_COPY, start,
        System.currentTimeMillis(), outcome.downtime().value().toMillis());
  }
}
