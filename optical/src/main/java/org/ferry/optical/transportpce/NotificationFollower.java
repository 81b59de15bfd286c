package org.ferry.optical.transportpce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.ferry.seam.SouthboundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the controller's notifications on a thread of its own: the emulator's long-polled
 * stream ({@code GET /ferry/notifications?after=N&wait-ms=M}), or TransportPCE's NBI
 * notification RPCs ({@link NbiNotificationReader}). Records the failures TransportPCE publishes
 * per service ("ServiceCreate request failed ..."), and hands topology events (a fibre down or
 * up) to a consumer. Every notification, whatever its topic, and every gap in the stream (a
 * restart, a failed read) is first announced to a "something changed" callback, so that what
 * was read from the controller before is read again.
 *
 * <p>When reading fails it backs off exponentially (1 s doubling to 30 s, with jitter) and gives
 * up, logging an error, after {@link #MAX_FAILURES} failures in a row (about three minutes of
 * trying):
 * from then on faults are not heard of, and the log says so and why.
 */
final class NotificationFollower implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(NotificationFollower.class);
  private static final long WAIT_MS = 5_000;
  private static final long NBI_POLL_MS = 1_000;
  /** Failed reads in a row after which the follower stops. */
  static final int MAX_FAILURES = 12;

  /**
   * How the follower waits after failed reads.
   *
   * @param firstMs the wait after the first failure; it doubles after each one
   * @param maxMs the longest wait
   * @param maxFailures failures in a row after which it gives up
   */
  record Backoff(long firstMs, long maxMs, int maxFailures) {
    static final Backoff STANDARD = new Backoff(1_000, 30_000, MAX_FAILURES);

    /**
     * The wait before retry {@code n} (1 for the first), less up to a quarter at random so that
     * clients that failed together do not come back together.
     *
     * @param random in [0, 1)
     */
    long waitMs(int n, double random) {
      long full = Math.min(maxMs, firstMs << Math.min(n - 1, 20));
      return full - (long) (full * 0.25 * random);
    }
  }

  /** A fibre changed state. */
  record FiberEvent(String fiber, boolean down, List<String> servicesDown, Instant at) {}

  private record Failure(long seq, String message) {}

  private final RestconfClient restconf;
  private final Consumer<FiberEvent> onFiber;
  private final Runnable onChange;
  private final Map<String, Failure> failures = new ConcurrentHashMap<>();
  private final Thread thread;
  private final NbiNotificationReader nbi;
  private volatile long last;
  private volatile boolean running = true;
  private volatile String gaveUp;
  private final Backoff backoff;

  NotificationFollower(RestconfClient restconf, TransportPceSettings.NotificationSource source,
      Function<String, Optional<String>> fiberOfLink, Consumer<FiberEvent> onFiber,
      Runnable onChange) {
    this(restconf, source, fiberOfLink, onFiber, onChange, Backoff.STANDARD);
  }

  /** With the backoff given, for tests that cannot wait minutes for it to give up. */
  NotificationFollower(RestconfClient restconf, TransportPceSettings.NotificationSource source,
      Function<String, Optional<String>> fiberOfLink, Consumer<FiberEvent> onFiber,
      Runnable onChange, Backoff backoff) {
    this.backoff = backoff;
    this.restconf = restconf;
    this.onFiber = onFiber;
    this.onChange = onChange;
    Optional<JsonNode> stream = source == TransportPceSettings.NotificationSource.NBI_NOTIFICATIONS
        ? Optional.empty() : fetch(0, 0);
    if (stream.isEmpty() && source == TransportPceSettings.NotificationSource.FERRY_STREAM) {
      throw new SouthboundException(restconf.peer(), "offers no notification stream at"
          + " /ferry/notifications (is it the emulator?)", false);
    }
    this.last = stream.map(batch -> batch.path("last").asLong(0)).orElse(0L);
    this.nbi = stream.isPresent() ? null : new NbiNotificationReader(restconf, fiberOfLink);
    this.thread = Thread.ofPlatform().daemon().name("tpce-notifications").start(this::loop);
  }

  /** The sequence number of the newest notification seen. */
  long last() {
    return last;
  }

  /** The failure TransportPCE reported for a service after notification {@code after}. */
  Optional<String> failureSince(String service, long after) {
    return Optional.ofNullable(failures.get(service)).filter(f -> f.seq() > after)
        .map(Failure::message);
  }

  /** Why the follower stopped following, if it gave up. */
  Optional<String> gaveUp() {
    return Optional.ofNullable(gaveUp);
  }


  private void loop() {
    int failuresInARow = 0;
    while (running) {
      try {
        if (nbi != null) {
          for (ObjectNode n : nbi.poll()) {
            n.put("seq", last + 1);
            handle(n);
            last++;
          }
          failuresInARow = 0;
          Thread.sleep(NBI_POLL_MS);
          continue;
        }
        Optional<JsonNode> batch = fetch(last, WAIT_MS);
        if (batch.isEmpty()) {
          log.warn("{} offers no notification stream; fibre faults will not be seen",
              restconf.peer());
          return;
        }
        if (batch.get().path("newest").asLong(last) < last) {
          log.warn("{} numbers its notifications from the start again (restarted?)",
              restconf.peer());
          last = 0;
          onChange.run();
          continue;
        }
        for (JsonNode n : batch.get().path("notifications")) {
          handle(n);
          last = Math.max(last, n.path("seq").asLong());
        }
        failuresInARow = 0;
      } catch (InterruptedException e) {
        return;
      } catch (CancellationException e) {
        return;
      } catch (SouthboundException e) {
        if (!running) {
          return;
        }
        onChange.run(); // whatever happened meanwhile went unheard
        failuresInARow++;
        if (failuresInARow >= backoff.maxFailures()) {
          gaveUp = "reading notifications from " + restconf.peer() + " failed "
              + failuresInARow + " times in a row; the last failure: " + e.getMessage();
          log.error("{}; stopped following them, so fibre faults and failed services are no"
              + " longer heard of (restart Ferry once the controller answers)", gaveUp);
          return;
        }
        long wait = backoff.waitMs(failuresInARow, java.util.concurrent.ThreadLocalRandom.current()
            .nextDouble());
        log.warn("notifications from {} failed ({} in a row), retrying in {} ms: {}",
            restconf.peer(), failuresInARow, wait, e.getMessage());
        try {
          Thread.sleep(wait);
        } catch (InterruptedException ie) {
          return;
        }
      } catch (RuntimeException e) {
        log.error("a notification listener failed", e);
      }
    }
  }

  private void handle(JsonNode n) {
    // before the listeners hear of a fault, so that what they read is the controller's new state
    onChange.run();
    String topic = n.path("topic").asText();
    String message = n.path("message").asText();
    if (topic.equals("process") && !n.path("response-failed").asText("").isEmpty()) {
      String detail = message + " / " + n.path("response-failed").asText()
          + (n.has("pce-message") ? " (" + n.path("pce-message").asText() + ")" : "");
      failures.put(n.path("service-name").asText(), new Failure(n.path("seq").asLong(), detail));
    } else if (topic.equals("topology") && n.has("fiber")) {
      List<String> down = new ArrayList<>();
      n.path("services-down").forEach(s -> down.add(s.asText()));
      Instant at = Instant.parse(n.path("published-at").asText(Instant.now().toString()));
      onFiber.accept(new FiberEvent(n.path("fiber").asText(),
          n.path("operational-state").asText().equals("outOfService"), down, at));
    }
  }

  private Optional<JsonNode> fetch(long after, long waitMs) {
    HttpResponse<String> response = restconf.raw("GET", "/ferry/notifications?after=" + after
        + "&wait-ms=" + waitMs, null);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of(restconf.read(response, "notifications"));
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
  }
}
