package org.ferry.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.simulation.ReferenceSetting.Options;
import org.junit.jupiter.api.Test;

/**
 * In the twin a function is reached from the RAN sites it has an SLA toward, not from every RAN
 * site of the network: on the 5G ring, upf-1 at edge-1 serves cell-north, and cell-south (with
 * no backhaul to edge-1) does not keep it from answering.
 */
class ServedRanSitesTest {

  @Test
  void aFunctionAnswersWhenTheRanSitesItServesReachIt() {
    Inventory ring = InventoryLoader.load(Path.of("../examples/five-g-ring.yaml"));
    SimulatedDeployment deployment = SimulatedDeployment.of(ring, Options.defaults().testbed(),
        SimulationSettings.defaults(), CalibratedMigrationModel.reference());
    Vnf upf = deployment.vnfs().require(VnfId.of("upf-1"));
    assertThat(deployment.world().answers(upf.id(), upf.placement())).isTrue();
  }
}
