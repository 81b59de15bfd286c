package org.ferry.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ferry.model.report.RunReport;
import org.ferry.model.report.WorkflowStep;
import org.junit.jupiter.api.Test;

class WorkflowStateMachineTest {

  @Test
  void aFaultRunStartsAtDetectionAndMayEndAfterTheSlaCheck() {
    WorkflowStateMachine machine = new WorkflowStateMachine(RunReport.Kind.FAULT_RECOVERY);
    machine.enter(WorkflowStep.FAILURE_DETECTED);
    machine.enter(WorkflowStep.OPTICAL_RESTORATION);
    machine.enter(WorkflowStep.OPTICAL_RESTORATION);
    machine.enter(WorkflowStep.SLA_CHECK);
    machine.end();
    assertThat(machine.current()).contains(WorkflowStep.SLA_CHECK);
  }

  @Test
  void aPlannedMoveStartsAtThePlan() {
    WorkflowStateMachine machine = new WorkflowStateMachine(RunReport.Kind.PLANNED_MOVE);
    assertThatThrownBy(() -> machine.enter(WorkflowStep.FAILURE_DETECTED))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("the start");
    machine.enter(WorkflowStep.PLAN);
  }

  @Test
  void noMigrationWithoutATemporaryLightpathAndSteering() {
    WorkflowStateMachine machine = new WorkflowStateMachine(RunReport.Kind.PLANNED_MOVE);
    machine.enter(WorkflowStep.PLAN);
    assertThatThrownBy(() -> machine.enter(WorkflowStep.MIGRATION))
        .hasMessageContaining("MIGRATION may not follow PLAN");
  }

  @Test
  void aRunMayNotEndWithItsTemporaryLightpathStillSteered() {
    WorkflowStateMachine machine = new WorkflowStateMachine(RunReport.Kind.PLANNED_MOVE);
    machine.enter(WorkflowStep.PLAN);
    machine.enter(WorkflowStep.TEMP_LIGHTPATH_SETUP);
    machine.enter(WorkflowStep.MANAGEMENT_STEERING);
    machine.enter(WorkflowStep.MIGRATION);
    assertThatThrownBy(machine::end).hasMessageContaining("may not end after MIGRATION");
    machine.enter(WorkflowStep.TEMP_LIGHTPATH_RELEASE);
    machine.end();
    assertThatThrownBy(() -> machine.enter(WorkflowStep.PLAN)).hasMessageContaining("ended");
  }
}
