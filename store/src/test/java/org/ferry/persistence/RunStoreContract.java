package org.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunQuery;
import org.ferry.run.RunStatus;
import org.ferry.run.RunStore;
import org.ferry.run.Trigger;
import org.ferry.seam.optical.OpticalEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every run store does, checked against an {@link InMemoryRunStore} fed the same events:
 * runs read back as it gives them, pages filter and order as it does, sequence numbers are 1,
 * 2, 3... and unique under concurrent appends, and an event of an unknown run changes nothing.
 * A store implementation's test extends this and says how to open its store.
 */
abstract class RunStoreContract {

  /** Real events: a fault recovery that moved three VNFs, then a planned move that failed. */
  private static final List<RunEvent> SIMULATED = SimulatedRuns.faultThenPlannedMove();
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  protected RunStore store;
  private final InMemoryRunStore reference = new InMemoryRunStore();

  /** A new, empty store. */
  protected abstract RunStore open() throws Exception;

  /** Closes what {@link #open()} opened, if anything. */
  protected void close(RunStore opened) throws Exception {
    if (opened instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }

  @BeforeEach
  void openStore() throws Exception {
    store = open();
  }

  @AfterEach
  void closeStore() throws Exception {
    close(store);
  }

  /** Appends to the store under test and to the reference; both must give the same number. */
  protected long append(RunEvent event) {
    long sequence = store.append(event);
    assertThat(sequence).as("sequence of %s", event).isEqualTo(reference.append(event));
    return sequence;
  }

  @Test
  void realRunsReadBackAsTheInMemoryStoreGivesThem() {
    SIMULATED.forEach(this::append);

    Set<RunId> runs = new LinkedHashSet<>();
    SIMULATED.forEach(e -> runs.add(e.run()));
    assertThat(runs).hasSize(2);
    for (RunId run : runs) {
      assertThat(store.find(run)).isEqualTo(reference.find(run)).isPresent();
    }
    assertThat(store.list(RunQuery.all())).isEqualTo(reference.list(RunQuery.all()));
    assertThat(store.events(Optional.empty(), 0, 1000))
        .isEqualTo(reference.events(Optional.empty(), 0, 1000));
  }

  @Test
  void sequenceNumbersStartAtOneAndGoUpByOne() {
    assertThat(LongStream.rangeClosed(1, 5).map(i -> append(queued("r" + i, i))).toArray())
        .containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void anUnknownRunsEventOtherThanItsQueuedIsRefusedAndChangesNothing() {
    append(queued("known", 1));

    assertThatThrownBy(() -> store.append(new RunEvent.Started(RunId.of("ghost"), T0)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ghost");

    assertThat(store.find(RunId.of("ghost"))).isEmpty();
    assertThat(store.list(RunQuery.all()).total()).isEqualTo(1);
    assertThat(store.events(Optional.empty(), 0, 10)).hasSize(1);
    assertThat(append(new RunEvent.Started(RunId.of("known"), T0.plusSeconds(2)))).isEqualTo(2);
  }

  @Test
  void listingFiltersByEachFieldAndPagesNewestFirst() {
    sixRunsOfEveryKindAndState();
    SIMULATED.forEach(this::append);
    List<RunQuery> queries = new ArrayList<>();
    queries.add(RunQuery.all());
    for (RunStatus status : RunStatus.values()) {
      queries.add(query(Optional.of(status), Optional.empty(), Optional.empty(), 0, 50));
    }
    for (RunReport.Kind kind : RunReport.Kind.values()) {
      queries.add(query(Optional.empty(), Optional.of(kind), Optional.empty(), 0, 50));
    }
    for (String vnf : List.of("mme-1", "spgw-1", "hss-1", "nobody")) {
      queries.add(query(Optional.empty(), Optional.empty(), Optional.of(VnfId.of(vnf)), 0, 50));
    }
    queries.add(new RunQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.of(T0.plusSeconds(3)), Optional.empty(), 0, 50));
    queries.add(new RunQuery(Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(T0.plusSeconds(3)), 0, 50));
    queries.add(new RunQuery(Optional.of(RunStatus.ENDED), Optional.empty(), Optional.empty(),
        Optional.of(Instant.MIN), Optional.of(Instant.MAX), 0, 50));
    for (int offset : new int[] {0, 2, 4, 7, 100}) {
      queries.add(query(Optional.empty(), Optional.empty(), Optional.empty(), offset, 2));
    }
    for (RunQuery q : queries) {
      assertThat(store.list(q)).as(q.toString()).isEqualTo(reference.list(q));
    }
    // The two simulated runs came last, so they are the first page.
    assertThat(store.list(query(Optional.empty(), Optional.empty(), Optional.empty(), 2, 2))
        .runs()).extracting(r -> r.id().value()).containsExactly("r6", "r5");
  }

  @Test
  void eventsCatchUpFromAnySequenceForAllRunsOrOne() {
    sixRunsOfEveryKindAndState();
    for (long after : new long[] {0, 1, 5, 11, 100}) {
      for (int max : new int[] {0, 1, 3, 1000}) {
        for (Optional<RunId> run : List.of(Optional.<RunId>empty(), Optional.of(RunId.of("r2")),
            Optional.of(RunId.of("nobody")))) {
          assertThat(store.events(run, after, max)).as("after %d, max %d, %s", after, max, run)
              .isEqualTo(reference.events(run, after, max));
        }
      }
    }
  }

  @Test
  void concurrentAppendsOfDifferentRunsKeepSequencesUniqueAndEachRunInOrder() throws Exception {
    int threads = 6;
    int runsEach = 15;
    ConcurrentLinkedQueue<Long> sequences = new ConcurrentLinkedQueue<>();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          for (int i = 0; i < runsEach; i++) {
            RunId id = RunId.of("t" + thread + "-" + i);
            sequences.add(store.append(queued(id.value(), i)));
            sequences.add(store.append(new RunEvent.Started(id, T0.plusSeconds(i))));
            sequences.add(store.append(ended(id, RunReport.Kind.PLANNED_MOVE, i)));
          }
        }));
      }
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    int total = threads * runsEach * 3;
    assertThat(sequences).doesNotHaveDuplicates().hasSize(total);
    assertThat(sequences.stream().mapToLong(Long::longValue).max()).hasValue(total);
    List<RunStore.SequencedEvent> all = store.events(Optional.empty(), 0, total + 1);
    assertThat(all).extracting(RunStore.SequencedEvent::sequence)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(store.events(Optional.of(RunId.of("t3-7")), 0, 10))
        .extracting(e -> e.event().type()).containsExactly("queued", "started", "ended");
    assertThat(store.list(query(Optional.of(RunStatus.ENDED), Optional.empty(),
        Optional.empty(), 0, 1)).total()).isEqualTo(threads * runsEach);
  }

  /**
   * r1..r6, queued a second apart: faults and planned moves of mme-1 or spgw-1 to site-b,
   * queued, running and ended.
   */
  protected void sixRunsOfEveryKindAndState() {
    for (int i = 1; i <= 6; i++) {
      RunId id = RunId.of("r" + i);
      append(queued(id.value(), i));
      if (i % 3 != 1) {
        append(new RunEvent.Started(id, T0.plusSeconds(i).plusMillis(100)));
      }
      if (i % 3 == 0) {
        append(ended(id, i % 2 == 0 ? RunReport.Kind.PLANNED_MOVE
            : RunReport.Kind.FAULT_RECOVERY, i));
      }
    }
  }

  /** A queued event at T0 + {@code second} s: odd runs a fault, even ones a planned move. */
  protected static RunEvent.Queued queued(String id, long second) {
    Instant at = T0.plusSeconds(second);
    Trigger trigger = second % 2 == 1
        ? new Trigger.FiberFailure(new OpticalEvent.FiberFailed(FiberId.of("fiber-" + second),
            at, List.of()))
        : Trigger.PlannedMove.of(Set.of(VnfId.of(second % 4 == 0 ? "mme-1" : "spgw-1")),
            SiteId.of("site-b"));
    return new RunEvent.Queued(RunId.of(id), at, trigger);
  }

  protected static RunEvent.Ended ended(RunId id, RunReport.Kind kind, long second) {
    Instant end = T0.plusSeconds(second).plusMillis(500);
    return new RunEvent.Ended(id, end, new RunReport(id.value(), kind, "test", end, end,
        RunReport.Outcome.NO_MOVE_NEEDED, "nothing to do", List.of(), List.of()));
  }

  private static RunQuery query(Optional<RunStatus> status, Optional<RunReport.Kind> kind,
      Optional<VnfId> vnf, int offset, int limit) {
    return new RunQuery(status, kind, vnf, Optional.empty(), Optional.empty(), offset, limit);
  }
}
