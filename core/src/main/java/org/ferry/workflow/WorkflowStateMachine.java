package org.ferry.workflow;

import static org.ferry.model.report.WorkflowStep.BACKHAUL_REPOINT;
import static org.ferry.model.report.WorkflowStep.FAILURE_DETECTED;
import static org.ferry.model.report.WorkflowStep.MANAGEMENT_STEERING;
import static org.ferry.model.report.WorkflowStep.MIGRATION;
import static org.ferry.model.report.WorkflowStep.OPTICAL_RESTORATION;
import static org.ferry.model.report.WorkflowStep.PLAN;
import static org.ferry.model.report.WorkflowStep.SLA_CHECK;
import static org.ferry.model.report.WorkflowStep.TEMP_LIGHTPATH_RELEASE;
import static org.ferry.model.report.WorkflowStep.TEMP_LIGHTPATH_SETUP;
import static org.ferry.model.report.WorkflowStep.VERIFY;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.WorkflowStep;

/**
 * The legal orders of workflow steps. A run that tries a step out of order is a bug, and is
 * stopped before it touches anything.
 *
 * <pre>
 *  (fault)  FAILURE_DETECTED -> OPTICAL_RESTORATION* -> SLA_CHECK -> [end: SLAs hold]
 *                                                          |
 *  (planned move) ---------------------------------------> PLAN -> [end: no feasible site]
 *                                                          |
 *           TEMP_LIGHTPATH_SETUP+ -> MANAGEMENT_STEERING -> ( MIGRATION -> BACKHAUL_REPOINT -> VERIFY )*
 *                 | (failed: end, or release those set up)    | (failed: next VNF)
 *                 +-------------> TEMP_LIGHTPATH_RELEASE <----+-> [end]
 * </pre>
 *
 * <p>BACKHAUL_REPOINT may begin while MIGRATION is still open: the backhaul is steered at the
 * switch-over, before the migration call returns.
 *
 * <p>Not thread-safe: one machine per run.
 */
public final class WorkflowStateMachine {

  private static final Map<WorkflowStep, Set<WorkflowStep>> NEXT =
      Map.of(
          FAILURE_DETECTED, EnumSet.of(OPTICAL_RESTORATION, SLA_CHECK),
          OPTICAL_RESTORATION, EnumSet.of(OPTICAL_RESTORATION, SLA_CHECK),
          SLA_CHECK, EnumSet.of(PLAN),
          PLAN, EnumSet.of(TEMP_LIGHTPATH_SETUP),
          TEMP_LIGHTPATH_SETUP,
              EnumSet.of(TEMP_LIGHTPATH_SETUP, MANAGEMENT_STEERING, TEMP_LIGHTPATH_RELEASE),
          MANAGEMENT_STEERING, EnumSet.of(MIGRATION, TEMP_LIGHTPATH_RELEASE),
          MIGRATION, EnumSet.of(BACKHAUL_REPOINT, MIGRATION, TEMP_LIGHTPATH_RELEASE),
          BACKHAUL_REPOINT, EnumSet.of(VERIFY, MIGRATION, TEMP_LIGHTPATH_RELEASE),
          VERIFY, EnumSet.of(MIGRATION, TEMP_LIGHTPATH_RELEASE),
          TEMP_LIGHTPATH_RELEASE, EnumSet.of(TEMP_LIGHTPATH_RELEASE));

  /** Steps after which a run may end. */
  private static final Set<WorkflowStep> MAY_END =
      EnumSet.of(FAILURE_DETECTED, SLA_CHECK, PLAN, TEMP_LIGHTPATH_SETUP, TEMP_LIGHTPATH_RELEASE);

  private final RunReport.Kind kind;
  private Optional<WorkflowStep> current = Optional.empty();
  private boolean ended;

  public WorkflowStateMachine(RunReport.Kind kind) {
    this.kind = kind;
  }

  /** Where a run of this kind starts. */
  public static WorkflowStep firstStep(RunReport.Kind kind) {
    return kind == RunReport.Kind.FAULT_RECOVERY ? FAILURE_DETECTED : PLAN;
  }

  /**
   * Moves to {@code step}.
   *
   * @throws IllegalStateException if the step may not follow the current one, or the run ended
   */
  public void enter(WorkflowStep step) {
    if (ended) {
      throw new IllegalStateException("the run has ended; cannot enter " + step);
    }
    boolean legal =
        current.isEmpty()
            ? step == firstStep(kind)
            : NEXT.getOrDefault(current.get(), Set.of()).contains(step);
    if (!legal) {
      throw new IllegalStateException(
          "step " + step + " may not follow " + current.map(Enum::name).orElse("the start")
              + " in a " + kind + " run");
    }
    current = Optional.of(step);
  }

  /**
   * Ends the run.
   *
   * @throws IllegalStateException if a run may not end after the current step
   */
  public void end() {
    if (current.isEmpty() || !MAY_END.contains(current.get())) {
      throw new IllegalStateException(
          "a run may not end after " + current.map(Enum::name).orElse("the start"));
    }
    ended = true;
  }

  public Optional<WorkflowStep> current() {
    return current;
  }
}
