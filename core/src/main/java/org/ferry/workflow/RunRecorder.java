package org.ferry.workflow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.report.WorkflowStep;
import org.ferry.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a run step by step: enforces the order through the {@link WorkflowStateMachine}, times
 * each step on the injected clock, logs it and tells the listener. It also stops a run that was
 * asked to stop, before its next step that starts new work, and turns a run that broke into a
 * report that says so: every run ends with a report.
 *
 * <p>Not thread-safe: one recorder per run.
 */
final class RunRecorder {

  private static final Logger log = LoggerFactory.getLogger(RunRecorder.class);

  /** Steps that start new work; a cancelled run stops before any of them. */
  private static final Set<WorkflowStep> CANCELLABLE = EnumSet.of(
      WorkflowStep.OPTICAL_RESTORATION, WorkflowStep.SLA_CHECK, WorkflowStep.PLAN,
      WorkflowStep.TEMP_LIGHTPATH_SETUP, WorkflowStep.MANAGEMENT_STEERING,
      WorkflowStep.MIGRATION);

  private final RunContext context;
  private final RunReport.Kind kind;
  private final String trigger;
  private final TimeSource time;
  private final WorkflowStateMachine machine;
  private final Instant started;
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<MoveRecord> moves = new ArrayList<>();
  /** Steps begun and not yet ended; a step may begin inside another (a repoint at switch-over). */
  private final Deque<OpenStep> open = new ArrayDeque<>();

  RunRecorder(RunContext context, RunReport.Kind kind, String trigger, TimeSource time) {
    this.context = Objects.requireNonNull(context, "context");
    this.kind = kind;
    this.trigger = trigger;
    this.time = time;
    this.machine = new WorkflowStateMachine(kind);
    this.started = time.now();
  }

  String runId() {
    return context.runId();
  }

  /**
   * Runs a workflow's body and returns its report. A cancelled run, or one whose body threw,
   * still ends with a report: its open steps closed as failed, its outcome CANCELLED or FAILED,
   * and the cause in its message. The body is expected to have released what it held (its
   * {@code finally} blocks have run by the time this sees the exception).
   */
  RunReport guard(Supplier<RunReport> body) {
    try {
      return body.get();
    } catch (RunCancelledException e) {
      return abort(RunReport.Outcome.CANCELLED, e.getMessage());
    } catch (RuntimeException e) {
      log.error("run {} broke on an unexpected error", runId(), e);
      return abort(RunReport.Outcome.FAILED, describe(e));
    }
  }

  /**
   * Closes the steps still open as failed, because {@code cause} is ending the run: called by a
   * workflow before it releases what it holds, so that the record shows the steps in the order
   * they ended.
   */
  void interrupted(RuntimeException cause) {
    String why = describe(cause);
    while (!open.isEmpty()) {
      open.peek().end(StepRecord.Status.FAILED, "interrupted: " + why);
    }
  }

  private static String describe(RuntimeException e) {
    return e instanceof RunCancelledException ? e.getMessage() : "internal error: " + e;
  }

  /** Starts a step that does not wait on anything outside Ferry for long. */
  OpenStep begin(WorkflowStep step, Object subject) {
    return begin(step, subject, "");
  }

  /**
   * Starts a step; end it with {@link OpenStep#ok}, {@link OpenStep#failed} or skipped. A step
   * begun while another is open must end first: steps nest, they do not overlap otherwise.
   *
   * @param waitingFor what the step waits on, shown to a user while it runs
   * @throws RunCancelledException if the run was asked to stop and the step starts new work
   */
  OpenStep begin(WorkflowStep step, Object subject, String waitingFor) {
    if (CANCELLABLE.contains(step) && context.cancelRequested().getAsBoolean()) {
      throw new RunCancelledException("cancelled on request before " + step.displayName());
    }
    machine.enter(step);
    OpenStep begun = new OpenStep(step, subject == null ? "" : subject.toString(), time.now());
    open.push(begun);
    StepStart start = new StepStart(step, begun.subject, begun.start, waitingFor);
    tell(() -> context.listener().onStepStarted(start));
    return begun;
  }

  void addMove(MoveRecord move) {
    moves.add(move);
    tell(() -> context.listener().onMove(move));
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
    return report(outcome, message);
  }

  private RunReport abort(RunReport.Outcome outcome, String message) {
    while (!open.isEmpty()) {
      open.peek().end(StepRecord.Status.FAILED, "interrupted: " + message);
    }
    return report(outcome, message);
  }

  private RunReport report(RunReport.Outcome outcome, String message) {
    log.info("run {} ({}) ended {}: {}", runId(), kind, outcome, message);
    return new RunReport(
        runId(), kind, trigger, started, time.now(), outcome, message, steps, moves);
  }

  /** A listener's failure is logged, never allowed to break the run it follows. */
  private void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("run {}: a run listener failed: {}", runId(), e.toString());
    }
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
      log.info("run {} step {} {} [{}]: {}", runId(), step, subject, status, detail);
      tell(() -> context.listener().onStep(record));
    }
  }
}
