package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.model.unit.Distance;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;

/** The contract of the reading store, on a hand-driven clock and a counting reader. */
class LightpathStoreTest {

  final AtomicLong now = new AtomicLong();
  final AtomicInteger reads = new AtomicInteger();
  Runnable duringRead = () -> { };
  final LightpathStore store = new LightpathStore(this::read, Duration.ofSeconds(30), now::get);

  LightpathStore.Snapshot read() {
    reads.incrementAndGet();
    duringRead.run();
    return new LightpathStore.Snapshot(RoadmLinks.of(List.of()),
        ReferenceSetting.topology(Distance.ofKilometres(50)), List.of());
  }

  @Test
  void repeatedCallsWithNoEventReadOnce() {
    for (int i = 0; i < 100; i++) {
      store.current();
    }

    assertThat(reads).hasValue(1);
  }

  @Test
  void anInvalidationMakesTheNextCallReadAgain() {
    store.current();

    store.invalidate();
    store.current();
    store.current();

    assertThat(reads).hasValue(2);
  }

  @Test
  void aReadingExpiresWhenNoNotificationComes() {
    store.current();
    now.addAndGet(Duration.ofSeconds(29).toNanos());
    store.current();
    assertThat(reads).as("young enough").hasValue(1);

    now.addAndGet(Duration.ofSeconds(2).toNanos());
    store.current();

    assertThat(reads).as("older than 30 s").hasValue(2);
  }

  @Test
  void aNotificationThatRacesAReadIsNotLost() {
    duringRead = store::invalidate; // a notification arrives while the controller is read
    store.current();
    duringRead = () -> { };

    store.current();

    assertThat(reads).as("the reading that raced the notification is not kept").hasValue(2);
  }
}
