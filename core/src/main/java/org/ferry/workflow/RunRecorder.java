package org.ferry.workflow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.WorkflowStep;
import org.ferry.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run step by step: enforces the order through the {@link WorkflowStateMachine}, times
 * each step on the injected clock, logs it and tells the listener.
 *
 * <p>Not thread-safe: one recorder per run.
 */
final class RunRecorder {

  private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

  private final String runId;
  private final RunReport.Kind kind;
  private final String trigger;
  private final TimeSource time;
  private final RunListener listener;
  private final WorkflowStateMachine machine;
  private final Instant started;
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<MoveRecord> moves = new ArrayList<>();
  /** Steps begun and not yet ended; a step may begin inside another (a repoint at switch-over). */
  private final java.util.Deque<OpenStep> open = new java.util.ArrayDeque<>();

  RunRecorder(
      String runId, RunReport.Kind kind, String trigger, TimeSource time, RunListener listener) {
    this.runId = runId;
    this.kind = kind;
    this.trigger = trigger;
    this.time = time;
    this.listener = listener;
    this.machine = new WorkflowStateMachine(kind);
    this.started = time.now();
  }

  String runId() {
    return runId;
  }

  /**
   * Starts a step; end it with {@link OpenStep#ok}, {@link OpenStep#failed} or skipped. A step
   * begun while another is open must end first: steps nest, they do not overlap otherwise.
   */
  OpenStep begin(WorkflowStep step, Object subject) {
    machine.enter(step);
    OpenStep begun = new OpenStep(step, subject == null ? "" : subject.toString(), time.now());
    open.push(begun);
    return begun;
  }

  void addMove(MoveRecord move) {
    moves.add(move);
  }

  List<MoveRecord> moves() {
    return List.copyOf(moves);
  }

  RunReport finish(RunReport.Outcome outcome, String message) {
    if (!open.isEmpty()) {
      throw new IllegalStateException(
          "step " + open.peek().step + " is still open at the end of the run");
    }
    machine.end();
    log.info("run {} ({}) ended {}: {}", runId, kind, outcome, message);
    return new RunReport(
        runId, kind, trigger, started, time.now(), outcome, message, steps, moves);
  }

  /** A step that has begun. */
  final class OpenStep {
    private final WorkflowStep step;
    private final String subject;
    private final Instant start;

    private OpenStep(WorkflowStep step, String subject, Instant start) {
      this.step = step;
      this.subject = subject;
      this.start = start;
    }

    void ok(String detail) {
      end(StepRecord.Status.OK, detail);
    }

    void failed(String detail) {
      end(StepRecord.Status.FAILED, detail);
    }

    void skipped(String detail) {
      end(StepRecord.Status.SKIPPED, detail);
    }

    private void end(StepRecord.Status status, String detail) {
      if (open.peek() != this) {
        throw new IllegalStateException(open.contains(this)
            ? "step " + step + " must end after the steps begun inside it"
            : "step " + step + " has already ended");
      }
      open.pop();
      StepRecord record =
          new StepRecord(steps.size() + 1, step, subject, start, time.now(), status,
              Objects.requireNonNull(detail, "detail"));
      steps.add(record);
      log.info("run {} step {} {} [{}]: {}", runId, step, subject, status, detail);
      listener.onStep(record);
    }
  }
}
