package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.ferry.model.network.Testbed;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.NetworkPath;
import org.junit.jupiter.api.Test;

/** The rows {@code ferry predict --format csv} prints, for a pre-copy that cannot converge. */
class PredictRowsTest {

  @Test
  void aPreCopyThatCannotConvergeSaysSoInItsLastRow() {
    MigrationScenario scenario = MigrationScenario.of(VnfKind.SPGW, Virtualization.VM,
        Flavor.SMALL, NetworkPath.over(Testbed.OPENROADM.management(), Distance.ZERO),
        BackhaulInterface.FLOATING_IP, Testbed.OPENROADM);
    scenario = scenario.withState(scenario.state().withDirtyRate(DataRate.ofGbps(1)));
    Prediction p =
        CalibratedMigrationModel.reference().predict(scenario, MigrationApproach.PRE_COPY);

    var rows = PredictCommand.rows(p);
    assertThat(rows.getLast())
        .isEqualTo(new PredictCommand.Row("convergence", "does-not-converge", ""));
    assertThat(rows).extracting(PredictCommand.Row::metric).containsExactly("prelive", "live",
        "postlive", "total", "downtime", "bytes_moved", "ue_srt", "convergence");
  }
}
