package org.ferry.server;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ferry.run.RunId;
import org.ferry.run.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the run service's events to the server-sent-event clients. The service's subscriber (the
 * run's thread) only offers each event to each client's bounded queue and never waits: a client
 * whose queue is full is dropped, so a slow client cannot hold a run back. The run service has
 * no unsubscribe, so the hub subscribes once and clients come and go here.
 */
final class EventHub {

  private static final Logger log = LoggerFactory.getLogger(EventHub.class);

  /** Events a client may fall behind by before it is dropped. */
  static final int QUEUE_CAPACITY = 1024;

  /** Put in a client's queue to end its stream at once. */
  private static final RunStore.SequencedEvent END = new RunStore.SequencedEvent(-1, null);

  private final Set<Client> clients = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** The run service's subscriber. */
  void publish(RunStore.SequencedEvent event) {
    for (Client c : clients) {
      if (c.run.map(r -> r.equals(event.event().run())).orElse(true)
          && !c.queue.offer(event)) {
        log.warn("event stream client fell {} events behind; dropped", QUEUE_CAPACITY);
        c.dropped = true;
        clients.remove(c);
        // Room for the end mark, so the client's stream ends now rather than at its next wait.
        c.queue.clear();
        c.queue.offer(END);
      }
    }
  }

  /** A new client, taking events from now on: of one run, or of all if {@code run} is empty. */
  Client join(Optional<RunId> run) {
    Client c = new Client(run);
    if (!closed) {
      clients.add(c);
    }
    return c;
  }

  /** Ends every stream: each client's next take returns empty. */
  void close() {
    closed = true;
    clients.forEach(Client::leave);
  }

  /** One stream's queue. Not thread-safe: one request thread takes from it. */
  final class Client {
    private final Optional<RunId> run;
    private final BlockingQueue<RunStore.SequencedEvent> queue =
        new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private volatile boolean dropped;
    private volatile boolean left;

    private Client(Optional<RunId> run) {
      this.run = run;
    }

    /**
     * The next event, waiting up to {@code millis}.
     *
     * @return empty on a timeout (send a keep-alive)
     * @throws IllegalStateException once the client was dropped or the hub closed
     */
    Optional<RunStore.SequencedEvent> take(long millis) throws InterruptedException {
      RunStore.SequencedEvent next = queue.poll(millis, TimeUnit.MILLISECONDS);
      if (next == END || (next == null && (dropped || left || closed))) {
        throw new IllegalStateException(dropped ? "fell too far behind" : "stream closed");
      }
      return Optional.ofNullable(next);
    }

    /** Ends the stream: the next take throws. Idempotent. */
    void leave() {
      left = true;
      clients.remove(this);
      queue.offer(END);
    }
  }
}
