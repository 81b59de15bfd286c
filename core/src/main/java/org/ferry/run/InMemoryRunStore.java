package org.ferry.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A run store in memory: what a one-shot command needs, and the server's until it has a
 * database. Keeps at most {@code maxEvents} events for catching up (the oldest are dropped);
 * runs are all kept.
 */
public final class InMemoryRunStore implements RunStore {

  private final Map<RunId, RunRecord> runs = new LinkedHashMap<>();
  private final List<SequencedEvent> events = new ArrayList<>();
  private final int maxEvents;
  private long sequence;

  public InMemoryRunStore() {
    this(100_000);
  }

  /** @param maxEvents how many events to keep for catching up, 1 or more */
  public InMemoryRunStore(int maxEvents) {
    if (maxEvents < 1) {
      throw new IllegalArgumentException("keep at least 1 event, got " + maxEvents);
    }
    this.maxEvents = maxEvents;
  }

  @Override
  public synchronized long append(RunEvent event) {
    RunRecord known = runs.get(event.run());
    if (known == null) {
      if (!(event instanceof RunEvent.Queued queued)) {
        throw new IllegalArgumentException("no run " + event.run() + " to apply "
            + event.type() + " to; a run begins with its queued event");
      }
      runs.put(event.run(), RunRecord.queued(queued.run(), queued.trigger(), queued.at()));
    } else {
      runs.put(event.run(), known.apply(event));
    }
    sequence++;
    events.add(new SequencedEvent(sequence, event));
    if (events.size() > maxEvents) {
      events.subList(0, events.size() - maxEvents).clear();
    }
    return sequence;
  }

  @Override
  public synchronized Optional<RunRecord> find(RunId id) {
    return Optional.ofNullable(runs.get(id));
  }

  @Override
  public synchronized RunPage list(RunQuery query) {
    // Newest first: the reverse of the order the runs were queued in (instants can tie).
    List<RunRecord> matching = new ArrayList<>(runs.values()).reversed().stream()
        .filter(query::matches).toList();
    int from = Math.min(query.offset(), matching.size());
    int to = Math.min(from + query.limit(), matching.size());
    return new RunPage(matching.subList(from, to), matching.size(), from);
  }

  @Override
  public synchronized List<SequencedEvent> events(Optional<RunId> run, long afterSequence,
      int max) {
    return events.stream()
        .filter(e -> e.sequence() > afterSequence)
        .filter(e -> run.map(id -> e.event().run().equals(id)).orElse(true))
        .limit(max)
        .toList();
  }
}
