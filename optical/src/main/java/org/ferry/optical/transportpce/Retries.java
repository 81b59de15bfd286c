package org.ferry.optical.transportpce;

import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import java.time.Duration;
import java.util.function.Supplier;
import org.ferry.seam.SouthboundException;

/**
 * When the client tries a request again: only for calls that are safe to repeat (data reads,
 * {@code path-computation-request} and {@code service-reroute}, which compute and change
 * nothing) and only on transient faults ({@link SouthboundException#retriable()}: connection
 * refused or reset, time-outs, HTTP 5xx). A business error (HTTP 200 with response-code 500) or a
 * 4xx is never retried. Exponential backoff from 200 ms, doubling to at most 5 s, with 25 %
 * jitter so that clients that failed together do not come back together; three retries.
 */
final class Retries {

  /** RPCs that change nothing on the controller, so a repeat is harmless. */
  static boolean safeToRepeat(String rpc) {
    return rpc.equals("transportpce-pce:path-computation-request")
        || rpc.equals("org-openroadm-service:service-reroute");
  }

  private final RetryPolicy<Object> policy;

  Retries(int maxRetries, Duration firstDelay, Duration maxDelay) {
    this.policy = RetryPolicy.builder()
        .handleIf(e -> e instanceof SouthboundException s && s.retriable())
        .withBackoff(firstDelay, maxDelay)
        .withJitter(0.25)
        .withMaxRetries(maxRetries)
        .build();
  }

  /** The default policy described above. */
  static Retries standard() {
    return new Retries(3, Duration.ofMillis(200), Duration.ofSeconds(5));
  }

  /** Runs a call, trying it again on a transient fault; the last fault is thrown as it was. */
  <T> T run(Supplier<T> call) {
    return Failsafe.with(policy).get(call::get);
  }
}
