package org.ferry.app.bench;

import java.util.List;
import java.util.Optional;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunPage;
import org.ferry.run.RunQuery;
import org.ferry.run.RunRecord;
import org.ferry.run.RunStore;

/**
 * A store that keeps each run under its id with a suffix: the store bench runs the same
 * simulated fault again and again, each time in a new twin whose run ids start over, and one
 * store must keep them all apart.
 */
final class RenamingRunStore implements RunStore {

  private final RunStore delegate;
  private volatile String suffix = "";

  RenamingRunStore(RunStore delegate) {
    this.delegate = delegate;
  }

  /** The suffix for the runs from now on, e.g. "-b7". */
  void suffix(String next) {
    this.suffix = next;
  }

  @Override
  public long append(RunEvent event) {
    return delegate.append(renamed(event, RunId.of(event.run().value() + suffix)));
  }

  @Override
  public Optional<RunRecord> find(RunId id) {
    return delegate.find(RunId.of(id.value() + suffix));
  }

  @Override
  public RunPage list(RunQuery query) {
    return delegate.list(query);
  }

  @Override
  public List<SequencedEvent> events(Optional<RunId> run, long afterSequence, int max) {
    return delegate.events(run.map(id -> RunId.of(id.value() + suffix)), afterSequence, max);
  }

  /** The same event, of the run {@code id}. */
  static RunEvent renamed(RunEvent event, RunId id) {
    return switch (event) {
      case RunEvent.Queued q -> new RunEvent.Queued(id, q.at(), q.trigger());
      case RunEvent.Started s -> new RunEvent.Started(id, s.at());
      case RunEvent.StepStarted s -> new RunEvent.StepStarted(id, s.at(), s.step());
      case RunEvent.StepProgress p ->
          new RunEvent.StepProgress(id, p.at(), p.step(), p.elapsed());
      case RunEvent.StepEnded s -> new RunEvent.StepEnded(id, s.at(), s.step());
      case RunEvent.MoveEnded m -> new RunEvent.MoveEnded(id, m.at(), m.move());
      case RunEvent.Ended e -> new RunEvent.Ended(id, e.at(), e.report());
    };
  }
}
