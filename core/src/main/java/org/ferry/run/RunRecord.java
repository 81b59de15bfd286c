package org.ferry.run;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;

/**
 * A run as the store knows it: while it runs, the steps and moves so far and the step under way;
 * once it ended, its report.
 *
 * @param id the run
 * @param trigger what started it
 * @param status queued, running or ended
 * @param queued when it was accepted
 * @param started when it took its turn, if it has
 * @param steps the steps that have ended, in order
 * @param moves the moves that have ended, in order
 * @param current the steps begun and not yet ended, outermost first
 * @param report the whole record, once it ended
 */
public record RunRecord(
    RunId id,
    Trigger trigger,
    RunStatus status,
    Instant queued,
    Optional<Instant> started,
    List<StepRecord> steps,
    List<MoveRecord> moves,
    List<StepStart> current,
    Optional<RunReport> report) {

  public RunRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(queued, "queued");
    Objects.requireNonNull(started, "started");
    steps = List.copyOf(steps);
    moves = List.copyOf(moves);
    current = List.copyOf(current);
    Objects.requireNonNull(report, "report");
    if ((status == RunStatus.ENDED) != report.isPresent()) {
      throw new IllegalArgumentException("run " + id + ": a report comes with the end, and only"
          + " then (status " + status + ")");
    }
  }

  /** A run just accepted: what a store holds after the run's {@link RunEvent.Queued}. */
  public static RunRecord queued(RunId id, Trigger trigger, Instant at) {
    return new RunRecord(id, trigger, RunStatus.QUEUED, at, Optional.empty(), List.of(),
        List.of(), List.of(), Optional.empty());
  }

  /** How it ended, once it has. */
  public Optional<RunReport.Outcome> outcome() {
    return report.map(RunReport::outcome);
  }

  /**
   * This record with one more event applied: how every store keeps a run current, and how a
   * store that journals events rebuilds the run from them.
   *
   * @throws IllegalArgumentException if the event is of another run
   */
  public RunRecord apply(RunEvent event) {
    if (!event.run().equals(id)) {
      throw new IllegalArgumentException("event of " + event.run() + " applied to run " + id);
    }
    return switch (event) {
      case RunEvent.Queued q -> this;
      case RunEvent.Started s -> new RunRecord(id, trigger, RunStatus.RUNNING, queued,
          Optional.of(s.at()), steps, moves, current, report);
      case RunEvent.StepStarted s -> new RunRecord(id, trigger, status, queued, started, steps,
          moves, append(current, s.step()), report);
      case RunEvent.StepProgress p -> this;
      case RunEvent.StepEnded e -> new RunRecord(id, trigger, status, queued, started,
          append(steps, e.step()), moves, withoutLast(current, e.step()), report);
      case RunEvent.MoveEnded m -> new RunRecord(id, trigger, status, queued, started, steps,
          append(moves, m.move()), current, report);
      case RunEvent.Ended e -> new RunRecord(id, trigger, RunStatus.ENDED, queued,
          started, e.report().steps(), e.report().moves(), List.of(), Optional.of(e.report()));
    };
  }

  private static <T> List<T> append(List<T> list, T item) {
    var copy = new java.util.ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  /** The innermost open step of that kind ends. */
  private static List<StepStart> withoutLast(List<StepStart> open, StepRecord ended) {
    var copy = new java.util.ArrayList<>(open);
    for (int i = copy.size() - 1; i >= 0; i--) {
      if (copy.get(i).step() == ended.step()) {
        copy.remove(i);
        break;
      }
    }
    return copy;
  }
}
