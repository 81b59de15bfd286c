package org.ferry.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Real time in which waits are skipped: the clock follows the system clock, and {@link #sleep}
 * moves it on at once instead of waiting. For runs that mix simulated parts, whose waits stand
 * for work that takes no real time, with real ones whose delays are real: the twin's compute
 * layer beside an optical controller over HTTP, say. The clock then reads the real time taken by
 * the real parts plus the simulated time of the simulated ones.
 *
 * <p>Thread-safe; concurrent sleepers each move the shared clock on, as in virtual time.
 */
public final class SkippingTimeSource implements TimeSource {

  private long skippedNanos;

  @Override
  public synchronized Instant now() {
    return Instant.now().plusNanos(skippedNanos);
  }

  /**
   * Moves the clock on by {@code duration} without waiting.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  @Override
  public synchronized void sleep(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("cannot wait a negative time: " + duration);
    }
    skippedNanos += duration.toNanos();
  }
}
