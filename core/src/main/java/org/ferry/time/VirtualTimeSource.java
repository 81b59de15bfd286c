package org.ferry.time;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Virtual time: {@link #sleep} moves the clock on instead of waiting, so simulated work of minutes
 * finishes in microseconds and every run from the same start is identical.
 *
 * <p>One virtual clock serves one simulated world; work in it is run step by step on one thread
 * (concurrent sleepers would each move the shared clock on).
 */
public final class VirtualTimeSource implements TimeSource {

  private Instant now;

  /** A virtual clock that starts at {@code start}. */
  public VirtualTimeSource(Instant start) {
    this.now = Objects.requireNonNull(start, "start");
  }

  /** A virtual clock at 2026-01-01T00:00:00Z, for reproducible runs. */
  public static VirtualTimeSource startingAtEpochOfRuns() {
    return new VirtualTimeSource(Instant.parse("2026-01-01T00:00:00Z"));
  }

  @Override
  public synchronized Instant now() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    advance(duration);
  }

  /**
   * Moves the clock on.
   *
   * @throws IllegalArgumentException if {@code duration} is negative: virtual time never runs back
   */
  public synchronized void advance(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("virtual time cannot run backward by " + duration);
    }
    now = now.plus(duration);
  }
}
