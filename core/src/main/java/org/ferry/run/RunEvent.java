package org.ferry.run;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;

/**
 * What a run reports as it goes, in order. The run store is kept current by these events, and
 * the server streams them to clients.
 */
public sealed interface RunEvent {

  /** The run it belongs to. */
  RunId run();

  /** When it happened, on the run service's clock. */
  Instant at();

  /** The event's name on the wire: "queued", "step-started", ... */
  String type();

  /** The run was accepted and waits its turn. */
  record Queued(RunId run, Instant at, Trigger trigger) implements RunEvent {
    public Queued {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(trigger, "trigger");
    }

    @Override
    public String type() {
      return "queued";
    }
  }

  /** The run took its turn. */
  record Started(RunId run, Instant at) implements RunEvent {
    public Started {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
    }

    @Override
    public String type() {
      return "started";
    }
  }

  /** A step began; for a step that waits, what it waits for. */
  record StepStarted(RunId run, Instant at, StepStart step) implements RunEvent {
    public StepStarted {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(step, "step");
    }

    @Override
    public String type() {
      return "step-started";
    }
  }

  /**
   * A step is still going: sent every few seconds of real time while a step waits.
   *
   * @param elapsed real time since the step began
   */
  record StepProgress(RunId run, Instant at, StepStart step, Duration elapsed)
      implements RunEvent {
    public StepProgress {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(step, "step");
      Objects.requireNonNull(elapsed, "elapsed");
    }

    @Override
    public String type() {
      return "step-progress";
    }
  }

  /** A step ended. */
  record StepEnded(RunId run, Instant at, StepRecord step) implements RunEvent {
    public StepEnded {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(step, "step");
    }

    @Override
    public String type() {
      return "step-ended";
    }
  }

  /** A VNF's move ended, with its phases, figures and prediction. */
  record MoveEnded(RunId run, Instant at, MoveRecord move) implements RunEvent {
    public MoveEnded {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(move, "move");
    }

    @Override
    public String type() {
      return "move-ended";
    }
  }

  /** The run ended; the report is its whole record. */
  record Ended(RunId run, Instant at, RunReport report) implements RunEvent {
    public Ended {
      Objects.requireNonNull(run, "run");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(report, "report");
    }

    @Override
    public String type() {
      return "ended";
    }
  }
}
