package org.ferry.compute.epc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.ferry.compute.criu.Criu;
import org.ferry.compute.epc.EpcStateChecks.Move;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.criu.SiteNetwork;
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
        try (EpcProbe probe = epc.startProbe(EpcStateChecks.UES, 10)) {
          probe.awaitAttached(Duration.ofSeconds(60));
          EpcStateChecks kept = EpcStateChecks.baseline(epc, Duration.ofSeconds(20));
          Thread.sleep(500);

          moves.add(move(epc, EpcFunction.HSS, VnfKind.HSS, a, b, MigrationApproach.STOP_AND_COPY));
          kept.assertHssKept();

          moves.add(move(epc, EpcFunction.MME, VnfKind.MME, a, b, MigrationApproach.LAZY));
          kept.assertMmeKept();

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, a, b,
              MigrationApproach.STOP_AND_COPY));
          kept.assertSpgwKept();
          Thread.sleep(1500);

          moves.add(move(epc, EpcFunction.SPGW, VnfKind.SPGW, b, a, MigrationApproach.LAZY));
          kept.assertSpgwKept();
          Thread.sleep(1500);

          kept.assertNoUeLost(probe.stop(Duration.ofSeconds(20)), moves);
        }
      }
    }
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
