package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.Topology;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.transportpce.OpenRoadmService.PathDirection;
import org.ferry.optical.transportpce.OpenRoadmService.Service;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;

/**
 * A lightpath is built on the controller's word, with no controller running: hand-made
 * openroadm-topology links against the reference inventory.
 *
 * <pre>
 *   roadm-a DEG2 ──── fiber-a-b ──── DEG1 roadm-b
 *            inventory: 10 km, controller: 50 km
 * </pre>
 */
class LightpathMapperTest {

  static final OpticalNetwork.End A2 = new OpticalNetwork.End("roadm-a", 2);
  static final OpticalNetwork.End B1 = new OpticalNetwork.End("roadm-b", 1);
  static final String A_TO_B = OpenRoadmNames.roadmToRoadm(A2, B1);
  static final String B_TO_A = OpenRoadmNames.roadmToRoadm(B1, A2);
  static final Topology INVENTORY = ReferenceSetting.topology(Distance.ofKilometres(10));
  static final Service DCI = new Service("dci-a-b", "inService", "inService", "service",
      "site-a", "a-t100-2", "site-b", "b-t100-2", true, false);
  static final PathDirection PATH = new PathDirection(196.1, 50,
      List.of("a-t100-2-XPDR1-XPDR1-NETWORK1toroadm-a-SRG1-SRG1-PP1-TXRX", A_TO_B), List.of());

  static RoadmLinks controller(double km, boolean inService) {
    return RoadmLinks.of(List.of(
        new RoadmLink(A_TO_B, A2, B1, Optional.of(Distance.ofKilometres(km)), inService),
        new RoadmLink(B_TO_A, B1, A2, Optional.of(Distance.ofKilometres(km)), inService)));
  }

  @Test
  void theRouteTakesTheControllersSpanLengthNotTheInventorys() {
    RoadmLinks links = controller(50, true);
    Topology reconciled = new FiberReconciliation(INVENTORY).reconcile(links);

    Lightpath dci = new LightpathMapper(reconciled, links).toLightpath(DCI, PATH).orElseThrow();

    assertThat(INVENTORY.fiber(ReferenceSetting.FIBER_A_B).length().kilometres())
        .as("the inventory").isEqualTo(10);
    assertThat(dci.route().fibers()).containsExactly(ReferenceSetting.FIBER_A_B);
    assertThat(dci.route().length().kilometres()).as("the controller's").isEqualTo(50);
    assertThat(dci.latency()).as("5 µs per km of the controller's 50 km, plus the xponders")
        .isGreaterThanOrEqualTo(Duration.ofNanos(250_000));
    assertThat(dci.inService()).isTrue();
  }

  @Test
  void aLinkTheControllerHoldsOutOfServiceTakesTheLightpathOutOfService() {
    RoadmLinks links = controller(50, false);
    Topology reconciled = new FiberReconciliation(INVENTORY).reconcile(links);

    Lightpath dci = new LightpathMapper(reconciled, links).toLightpath(DCI, PATH).orElseThrow();

    assertThat(dci.inService()).as("the service says inService, its link does not").isFalse();
  }

  @Test
  void reconciliationCorrectsLengthsDropsFibresTheControllerLacksAndWarnsOnce() {
    FiberReconciliation reconciliation = new FiberReconciliation(INVENTORY);

    Topology reconciled = reconciliation.reconcile(controller(50, true));
    reconciliation.reconcile(controller(50, true));

    assertThat(reconciled.fiber(ReferenceSetting.FIBER_A_B).length().kilometres()).isEqualTo(50);
    assertThat(reconciled.fibers()).as("only fiber-a-b is on the controller")
        .extracting(f -> f.id()).containsExactly(ReferenceSetting.FIBER_A_B);
    assertThat(reconciliation.disagreements()).as("each once, though read twice")
        .containsExactly(
            "fiber fiber-a-b: the inventory says 10 km, the controller says 50 km; using the"
                + " controller's",
            "fiber fiber-b-ran: the inventory has it (roadm-b-DEG2 - roadm-ran-DEG2, 25 km), the"
                + " controller does not; leaving it out",
            "fiber fiber-ran-a: the inventory has it (roadm-ran-DEG1 - roadm-a-DEG1, 30 km), the"
                + " controller does not; leaving it out");
  }
}
