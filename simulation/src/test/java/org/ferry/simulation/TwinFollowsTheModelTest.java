package org.ferry.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.ferry.decision.ApproachPolicy;
import org.ferry.model.network.Testbed;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.run.RunService;
import org.junit.jupiter.api.Test;

/**
 * Without noise the twin plays a move out as the calibrated model predicts it, the UE service
 * recovery included: the model and the twin agree on what happens at the switch-over.
 */
class TwinFollowsTheModelTest {

  private MoveRecord moveSpgw(ReferenceSetting.Options options, MigrationApproach approach) {
    SimulatedDeployment deployment = SimulatedDeployment.referenceSetting(options,
        SimulationSettings.defaults().withNoise(0), CalibratedMigrationModel.reference());
    RunService orchestrator = deployment.orchestrator(
        deployment.workflowSettings().withApproachPolicy(ApproachPolicy.always(approach)),
        step -> { });
    return orchestrator.move(Set.of(ReferenceSetting.SPGW), ReferenceSetting.SITE_B).moves()
        .getFirst();
  }

  @Test
  void theSpgwsPhasesDowntimeAndUeRecoveryAreThePredictedOnes() {
    for (BackhaulInterface backhaul : BackhaulInterface.values()) {
      for (MigrationApproach approach : MigrationApproach.values()) {
        ReferenceSetting.Options options = ReferenceSetting.Options.defaults()
            .withVirtualization(approach.virtualization())
            .withBackhaul(backhaul)
            .withInterSiteDistance(Distance.ofKilometres(25))
            .withTestbed(approach.virtualization() == Virtualization.VM
                ? Testbed.OPENROADM : Testbed.DATACENTER);
        MoveRecord move = moveSpgw(options, approach);
        String what = approach.displayName() + " over " + backhaul.displayName();
        assertThat(move.status()).as(what).isEqualTo(MoveRecord.Status.MOVED);
        Prediction predicted = move.prediction().orElseThrow();
        var outcome = move.outcome().orElseThrow();
        // The orchestrator repoints the backhaul inline at the switch-over (two flow-mods), which
        // the twin's clock counts inside the move.
        assertThat(outcome.migrationTime()).as(what).isBetween(predicted.migrationTime(),
            predicted.migrationTime().plusMillis(100));
        assertThat(outcome.downtime().value()).as(what).isEqualTo(predicted.downtime());
        Duration srt = move.ueRecovery().orElseThrow().longestGap();
        assertThat(srt).as(what)
            .isBetween(predicted.ueServiceRecovery().orElseThrow().minusMillis(1),
                predicted.ueServiceRecovery().orElseThrow().plusMillis(50));
      }
    }
  }
}
