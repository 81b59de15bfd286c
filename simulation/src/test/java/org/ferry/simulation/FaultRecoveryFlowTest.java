package org.ferry.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.simulation.ReferenceSetting.FIBER_A_B;
import static org.ferry.simulation.ReferenceSetting.FIBER_RAN_A;
import static org.ferry.simulation.ReferenceSetting.HSS;
import static org.ferry.simulation.ReferenceSetting.MME;
import static org.ferry.simulation.ReferenceSetting.SITE_A;
import static org.ferry.simulation.ReferenceSetting.SITE_B;
import static org.ferry.simulation.ReferenceSetting.SPGW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.SwitchId;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Provenance;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.WorkflowStep;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.run.RunService;
import org.junit.jupiter.api.Test;

/**
 * The fault-recovery flow of SYSTEM.md, every branch, on the reference setting in the twin:
 *
 * <pre>
 *          site-a --- 20 km --- ran
 *             \                 /
 *            50 km          25 km
 *               \           /
 *                 site-b --
 * </pre>
 */
class FaultRecoveryFlowTest {

  private final List<StepRecord> seen = new ArrayList<>();

  private SimulatedDeployment deploy(ReferenceSetting.Options options) {
    return SimulatedDeployment.referenceSetting(options, SimulationSettings.defaults(),
        CalibratedMigrationModel.reference());
  }

  private RunService orchestrator(SimulatedDeployment deployment) {
    return deployment.orchestrator(deployment.workflowSettings(), seen::add);
  }

  private static RunReport onlyRun(RunService orchestrator) {
    assertThat(orchestrator.reports()).as("one run per fibre cut").hasSize(1);
    return orchestrator.reports().getFirst();
  }

  @Test
  void relocatesTheWholeEpcWhenTheRestoredBackhaulMissesTheSla() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    RunService orchestrator = orchestrator(deployment);

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    RunReport run = onlyRun(orchestrator);
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(run.steps()).extracting(StepRecord::step).containsExactly(
        WorkflowStep.FAILURE_DETECTED, WorkflowStep.OPTICAL_RESTORATION, WorkflowStep.SLA_CHECK,
        WorkflowStep.PLAN, WorkflowStep.TEMP_LIGHTPATH_SETUP, WorkflowStep.MANAGEMENT_STEERING,
        // The backhaul is steered at the switch-over, inside the migration: it ends first.
        WorkflowStep.BACKHAUL_REPOINT, WorkflowStep.MIGRATION, WorkflowStep.VERIFY,
        WorkflowStep.BACKHAUL_REPOINT, WorkflowStep.MIGRATION, WorkflowStep.VERIFY,
        WorkflowStep.BACKHAUL_REPOINT, WorkflowStep.MIGRATION, WorkflowStep.VERIFY,
        WorkflowStep.TEMP_LIGHTPATH_RELEASE);
    assertThat(run.steps()).allMatch(s -> s.status() == StepRecord.Status.OK);
    StepRecord firstRepoint = run.steps().get(6);
    StepRecord firstMigration = run.steps().get(7);
    assertThat(firstRepoint.start()).isAfter(firstMigration.start());
    assertThat(seen).as("the listener hears every step").isEqualTo(run.steps());
    // The user plane moves first: UEs suffer most while the SLA is missed.
    assertThat(run.moves()).extracting(m -> m.vnf().id()).containsExactly(SPGW, MME, HSS);
    assertThat(run.moves()).allSatisfy(m -> {
      assertThat(m.status()).isEqualTo(MoveRecord.Status.MOVED);
      assertThat(m.destination().site()).isEqualTo(SITE_B);
      assertThat(m.outcome()).get().satisfies(o -> {
        assertThat(o.source()).isEqualTo(Provenance.SIMULATED);
        assertThat(o.downtime().value()).isPositive().isLessThan(o.migrationTime());
        assertThat(o.bytesMoved().bytes()).isPositive();
      });
    });
    assertThat(deployment.vnfs().all()).extracting(v -> v.placement().site())
        .containsOnly(SITE_B);
    MoveRecord spgw = run.moves().getFirst();
    assertThat(spgw.ueRecovery()).get().satisfies(r -> {
      assertThat(r.ues()).isEqualTo(10);
      assertThat(r.reattached()).isZero();
      Duration downtime = spgw.outcome().get().downtime().value();
      // Paused, then the flow change and the floating IP's re-association (0.5 s); no more.
      assertThat(r.longestGap()).isGreaterThanOrEqualTo(downtime)
          .isLessThan(downtime.plus(Duration.ofSeconds(1)));
    });
    assertThat(run.moves().get(1).ueRecovery()).as("the MME carries no user plane").isEmpty();
  }

  @Test
  void cleansUpAfterARelocation() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    orchestrator(deployment);

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    SimulatedWorld world = deployment.world();
    assertThat(world.optical().lightpaths()).noneMatch(Lightpath::temporary);
    assertThat(world.flows().flows(SwitchId.of("tor-a")))
        .noneMatch(r -> r.id().value().startsWith("mgmt-"));
    // The RAN now sends every EPC address into backhaul-ran-b (transponder on port 2).
    assertThat(world.flows().flows(SwitchId.of("tor-ran")))
        .filteredOn(r -> r.ipv4Destination().isPresent())
        .hasSize(3)
        .allMatch(r -> r.output().port() == 2);
    assertThat(world.containers().images()).isEmpty();
    for (Vnf vnf : deployment.vnfs().all()) {
      assertThat(world.probe().answers(vnf, vnf.placement())).as(vnf.id() + " answers").isTrue();
    }
  }

  @Test
  void movesNothingWhenTheRestoredPathMeetsTheSla() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults()
        .withRanLatencyBudget(Duration.ofNanos(500_000)));
    RunService orchestrator = orchestrator(deployment);

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    RunReport run = onlyRun(orchestrator);
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.NO_MOVE_NEEDED);
    assertThat(run.steps()).extracting(StepRecord::step).containsExactly(
        WorkflowStep.FAILURE_DETECTED, WorkflowStep.OPTICAL_RESTORATION, WorkflowStep.SLA_CHECK);
    assertThat(run.moves()).isEmpty();
    assertThat(deployment.vnfs().all()).extracting(v -> v.placement().site())
        .containsOnly(SITE_A);
    assertThat(deployment.world().optical().lightpath(ReferenceSetting.BACKHAUL_A)).get()
        .satisfies(lp -> {
          assertThat(lp.inService()).isTrue();
          assertThat(lp.route().crosses(FIBER_RAN_A)).isFalse();
        });
  }

  @Test
  void relocatesWhenTheBackhaulCannotBeRestored() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults()
        .withBackhaulRestorable(false));
    RunService orchestrator = orchestrator(deployment);

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    RunReport run = onlyRun(orchestrator);
    StepRecord restoration = run.steps().get(1);
    assertThat(restoration.step()).isEqualTo(WorkflowStep.OPTICAL_RESTORATION);
    assertThat(restoration.status()).isEqualTo(StepRecord.Status.FAILED);
    assertThat(restoration.detail()).contains(RestorationResult.Cause.NOT_RESTORABLE.name());
    assertThat(run.steps().get(2).detail()).contains("unreachable");
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(deployment.vnfs().all()).extracting(v -> v.placement().site())
        .containsOnly(SITE_B);
  }

  @Test
  void keepsAVmRunningAtItsSourceWhenItsMigrationFails() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    RunService orchestrator = orchestrator(deployment);
    deployment.world().faults().failNextMigration(MME, Phase.LIVE, "destination QEMU died");

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    RunReport run = onlyRun(orchestrator);
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.PARTIALLY_RELOCATED);
    MoveRecord mme = move(run, MME);
    assertThat(mme.status()).isEqualTo(MoveRecord.Status.KEPT_AT_SOURCE);
    assertThat(mme.failure()).get().asString().contains("destination QEMU died");
    assertThat(deployment.vnfs().require(MME).placement().site()).isEqualTo(SITE_A);
    assertThat(deployment.world().vms().isRunning(MME)).isTrue();
    assertThat(deployment.world().vms().locate(MME)).get()
        .extracting(p -> p.site()).isEqualTo(SITE_A);
    assertThat(move(run, SPGW).status()).isEqualTo(MoveRecord.Status.MOVED);
    assertThat(run.steps().getLast().step()).isEqualTo(WorkflowStep.TEMP_LIGHTPATH_RELEASE);
    assertThat(deployment.world().optical().lightpaths()).noneMatch(Lightpath::temporary);
  }

  @Test
  void aMoveThatTheVimReportsFailedAfterItsSwitchOverStandsWhereTheVimRunsIt() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    RunService orchestrator = orchestrator(deployment);
    deployment.world().faults().failBookkeepingAfterSwitchOver(MME, "source clean-up failed");

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    RunReport run = onlyRun(orchestrator);
    MoveRecord mme = move(run, MME);
    // The VIM runs the MME at site-b: the inventory follows the VIM, not the failure.
    assertThat(deployment.world().vms().locate(MME)).get()
        .extracting(p -> p.site()).isEqualTo(SITE_B);
    assertThat(deployment.vnfs().require(MME).placement().site()).isEqualTo(SITE_B);
    assertThat(mme.status()).isEqualTo(MoveRecord.Status.MOVED);
    assertThat(mme.failure()).get().asString().contains("source clean-up failed");
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(run.steps()).filteredOn(s -> s.step() == WorkflowStep.MIGRATION
        && s.subject().equals(MME.value())).singleElement()
        .satisfies(s -> assertThat(s.detail()).contains("the move stands"));
  }

  @Test
  void restoresAContainerAtItsSourceWhenTheRestoreAtTheDestinationFails() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults()
        .withVirtualization(Virtualization.CONTAINER));
    RunService orchestrator = orchestrator(deployment);
    deployment.world().faults().failNextMigration(SPGW, Phase.RESTORE, "criu restore: exit 1");

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    MoveRecord spgw = move(onlyRun(orchestrator), SPGW);
    assertThat(spgw.status()).isEqualTo(MoveRecord.Status.KEPT_AT_SOURCE);
    assertThat(spgw.failure()).get().asString()
        .contains("criu restore: exit 1").contains("restored at the source");
    assertThat(deployment.world().containers().isRunning(SPGW)).isTrue();
    assertThat(deployment.world().containers().locate(SPGW)).get()
        .extracting(p -> p.site()).isEqualTo(SITE_A);
    assertThat(spgw.ueRecovery()).get().satisfies(r -> assertThat(r.reattached()).isZero());
  }

  @Test
  void failsCleanlyWhenTheSiteIsCutOffAndNoTemporaryLightpathCanBeSetUp() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    RunService orchestrator = orchestrator(deployment);

    deployment.world().optical().cutFiber(FIBER_A_B);
    deployment.world().optical().cutFiber(FIBER_RAN_A);

    assertThat(orchestrator.reports()).hasSize(2);
    assertThat(orchestrator.reports().getFirst().outcome())
        .as("the DCI reroutes through the RAN site within every SLA")
        .isEqualTo(RunReport.Outcome.NO_MOVE_NEEDED);
    RunReport run = orchestrator.reports().get(1);
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.FAILED);
    assertThat(run.steps()).extracting(StepRecord::step).endsWith(
        WorkflowStep.PLAN, WorkflowStep.TEMP_LIGHTPATH_SETUP);
    assertThat(run.steps().getLast().status()).isEqualTo(StepRecord.Status.FAILED);
    assertThat(run.steps().getLast().detail()).contains("no path");
    assertThat(run.moves()).as("the plan's moves, none begun").isNotEmpty()
        .allSatisfy(m -> {
          assertThat(m.status()).isEqualTo(MoveRecord.Status.NOT_ATTEMPTED);
          assertThat(m.failure()).get().asString().contains("management path");
        });
    assertThat(run.message()).startsWith("nothing was moved");
    assertThat(deployment.vnfs().all()).extracting(v -> v.placement().site())
        .containsOnly(SITE_A);
    assertThat(deployment.vnfs().all()).allMatch(v -> deployment.world().vms().isRunning(v.id()));
  }

  @Test
  void aPlannedMoveTakesTheFunctionsThatMustFollow() {
    SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
    RunService orchestrator = orchestrator(deployment);

    RunReport run = orchestrator.move(Set.of(MME), SITE_B);

    assertThat(run.kind()).isEqualTo(RunReport.Kind.PLANNED_MOVE);
    assertThat(run.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(run.steps().getFirst().step()).isEqualTo(WorkflowStep.PLAN);
    // The HSS must stay within 200 µs of its MME; the SPGW's 1 ms toward the MME holds across.
    assertThat(run.moves()).extracting(m -> m.vnf().id()).containsExactly(MME, HSS);
    assertThat(deployment.vnfs().require(SPGW).placement().site()).isEqualTo(SITE_A);
  }

  @Test
  void runsAreDeterministicInVirtualTime() {
    List<String> summaries = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
      RunService orchestrator = deployment.orchestrator(deployment.workflowSettings(),
          s -> {});
      deployment.world().optical().cutFiber(FIBER_RAN_A);
      RunReport run = orchestrator.reports().getFirst();
      // The id differs by design (unique across processes); it also names the lightpaths.
      summaries.add(run.toString().replace(run.runId(), "RUN"));
    }
    assertThat(summaries.get(0)).isEqualTo(summaries.get(1));
  }

  @Test
  void twoIdenticalRunsHaveDifferentIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      SimulatedDeployment deployment = deploy(ReferenceSetting.Options.defaults());
      RunService orchestrator = deployment.orchestrator(deployment.workflowSettings(),
          s -> {});
      deployment.world().optical().cutFiber(FIBER_RAN_A);
      ids.add(orchestrator.reports().getFirst().runId());
    }
    assertThat(ids.get(0)).isNotEqualTo(ids.get(1)).matches("run-\\d{8}T\\d{6}-1-[0-9a-z]{5}");
  }

  private static MoveRecord move(RunReport run, VnfId id) {
    return run.moves().stream().filter(m -> m.vnf().id().equals(id)).findFirst().orElseThrow();
  }
}
