package org.ferry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Optional;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunStore;
import org.junit.jupiter.api.Test;

/** The hub never holds a run back: a client that falls too far behind is dropped instead. */
class EventHubTest {

  private static RunStore.SequencedEvent started(long sequence, String run) {
    return new RunStore.SequencedEvent(sequence, new RunEvent.Started(RunId.of(run),
        Instant.EPOCH));
  }

  @Test
  void aClientThatFallsTooFarBehindIsDroppedAndTheOthersGoOn() throws Exception {
    EventHub hub = new EventHub();
    EventHub.Client slow = hub.join(Optional.empty());
    EventHub.Client oneRun = hub.join(Optional.of(RunId.of("run-2")));
    for (int i = 1; i <= EventHub.QUEUE_CAPACITY + 1; i++) {
      hub.publish(started(i, "run-1"));
    }
    hub.publish(started(EventHub.QUEUE_CAPACITY + 2, "run-2"));

    assertThatThrownBy(() -> slow.take(10)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("behind");
    assertThat(oneRun.take(10)).get().extracting(RunStore.SequencedEvent::sequence)
        .isEqualTo((long) EventHub.QUEUE_CAPACITY + 2);
    assertThat(oneRun.take(10)).isEmpty();
  }

  @Test
  void closingTheHubEndsEveryStreamAtOnce() {
    EventHub hub = new EventHub();
    EventHub.Client client = hub.join(Optional.empty());
    hub.close();
    assertThatThrownBy(() -> client.take(60_000)).isInstanceOf(IllegalStateException.class);
  }
}
