package org.ferry.run;

import java.util.List;
import java.util.Optional;

/**
 * Keeps every run, kept current by the events the runs emit: the run service appends each event
 * as it happens, in order, and reads runs back from here. A store that journals to a database
 * writes each event before the run goes on, so that what a run has started is known after a
 * crash.
 *
 * <p>Implementations are thread-safe. Events of one run arrive in order, from one thread at a
 * time; events of different runs may interleave.
 */
public interface RunStore {

  /**
   * Records an event and gives it its place in the stream of all events.
   *
   * @return the event's sequence number: 1 for the first event ever stored, then 2, 3...
   * @throws IllegalArgumentException if the event is of a run the store does not know and is
   *     not the run's {@link RunEvent.Queued}
   */
  long append(RunEvent event);

  /** One run, or empty if the store does not know it. */
  Optional<RunRecord> find(RunId id);

  /** The runs that match, newest first, one page. */
  RunPage list(RunQuery query);

  /**
   * The events stored after {@code afterSequence}, oldest first, at most {@code max}; for a
   * client that catches up on a stream.
   *
   * @param run only this run's events, or empty for every run's
   */
  List<SequencedEvent> events(Optional<RunId> run, long afterSequence, int max);

  /** An event with its place in the stream. */
  record SequencedEvent(long sequence, RunEvent event) {}
}
