package org.ferry.compute.epc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ferry.compute.criu.Criu;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.criu.SiteNetwork;
import org.ferry.compute.epc.EpcStateChecks.Move;
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
    List<Move> moves = new ArrayList<>();
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
        try (EpcProbe probe = epc.startProbe(EpcStateChecks.UES, 10)) {
          probe.awaitAttached(Duration.ofSeconds(120));
          EpcStateChecks kept = EpcStateChecks.baseline(epc, Duration.ofSeconds(30));
          Thread.sleep(1000);

          SiteId b = layout.siteB().site();
          moves.add(move(epc, EpcFunction.HSS, VnfKind.HSS, b));
          kept.assertHssKept();

          moves.add(move(epc, EpcFunction.MME, VnfKind.MME, b));
          kept.assertMmeKept();

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, b));
          kept.assertSpgwKept();
          Thread.sleep(1500);

          kept.assertNoUeLost(probe.stop(Duration.ofSeconds(20)), moves);
        }
      }
    }
  }

  private static Move move(EpcOnVms epc, EpcFunction f, VnfKind kind,
      SiteId to) {
    QemuVim vim = epc.vim();
    long start = System.currentTimeMillis();
    MigrationOutcome outcome = vim.liveMigrate(new MigrationRequest(
        vim.describe(epc.id(f), kind, Flavor.SMALL), QemuVim.placement(to),
        MigrationApproach.PRE_COPY, PATH), p -> { });
    assertThat(vim.locate(epc.id(f))).contains(QemuVim.placement(to));
    assertThat(vim.fault(epc.id(f))).as("a sound guest after the move").isEmpty();
    return new Move(f, MigrationApproach.PRE_COPY, start,
        System.currentTimeMillis(), outcome.downtime().value().toMillis());
  }
}
