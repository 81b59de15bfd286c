package org.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunQuery;
import org.ferry.run.RunStore;
import org.junit.jupiter.api.Test;

/** The contract, and what a store in a database adds: runs and sequences outlive the store. */
abstract class DurableRunStoreContract extends RunStoreContract {

  /** The same database as {@link #open()} gave, opened anew after the old store was closed. */
  protected abstract RunStore reopen() throws Exception;

  @Test
  void runsAndTheirEventsSurviveACloseAndReopenAndSequencesGoOn() throws Exception {
    sixRunsOfEveryKindAndState();
    var runs = store.list(RunQuery.all());
    var events = store.events(Optional.empty(), 0, 100);
    long last = events.getLast().sequence();

    close(store);
    store = reopen();

    assertThat(store.list(RunQuery.all())).isEqualTo(runs);
    assertThat(store.events(Optional.empty(), 0, 100)).isEqualTo(events);
    assertThat(store.append(new RunEvent.Started(RunId.of("r1"), events.getLast().event().at())))
        .isEqualTo(last + 1);
    assertThat(store.append(queued("after-reopen", 40))).isEqualTo(last + 2);
  }
}
