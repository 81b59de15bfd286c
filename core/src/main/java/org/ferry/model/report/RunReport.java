package org.ferry.model.report;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The full record of one run of a workflow.
 *
 * @param runId unique per run
 * @param kind fault recovery or planned move
 * @param trigger what started it, for a human ("fiber fiber-ran-a cut")
 * @param started when it began
 * @param finished when it ended
 * @param outcome how it ended
 * @param message one sentence on the outcome
 * @param steps every step taken, in order
 * @param moves every VNF it set out to move
 */
public record RunReport(
    String runId,
    Kind kind,
    String trigger,
    Instant started,
    Instant finished,
    Outcome outcome,
    String message,
    List<StepRecord> steps,
    List<MoveRecord> moves) {

  /** Which workflow ran. */
  public enum Kind {
    FAULT_RECOVERY,
    PLANNED_MOVE
  }

  /** How a run ended. */
  public enum Outcome {
    /** The SLAs hold after optical restoration: nothing had to move. */
    NO_MOVE_NEEDED(true),
    /** Every VNF that had to move did. */
    RELOCATED(true),
    /** Some moves failed; those VNFs still run where they were (see the moves). */
    PARTIALLY_RELOCATED(false),
    /** The run could not do its job (see the message). */
    FAILED(false),
    /** Stopped on request; what it held was released (see the steps and moves). */
    CANCELLED(false);

    private final boolean success;

    Outcome(boolean success) {
      this.success = success;
    }

    public boolean success() {
      return success;
    }
  }

  public RunReport {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(message, "message");
    steps = List.copyOf(steps);
    moves = List.copyOf(moves);
  }

  public Duration elapsed() {
    return Duration.between(started, finished);
  }
}
