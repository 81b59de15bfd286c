package org.ferry.persistence;

import java.time.Instant;

/** Instants as nanoseconds since the epoch, the run table's exact and portable timestamps. */
final class EpochNanos {

  private static final long PER_SECOND = 1_000_000_000L;

  private EpochNanos() {}

  /**
   * A run's instant, exactly.
   *
   * @throws IllegalArgumentException outside the years 1677 to 2262, which a long cannot hold
   */
  static long exact(Instant at) {
    try {
      return Math.addExact(Math.multiplyExact(at.getEpochSecond(), PER_SECOND), at.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("a run's instant must lie between 1677 and 2262 to be"
          + " stored, got " + at, e);
    }
  }

  /** A query bound: instants beyond what a long holds are clamped, which keeps comparisons. */
  static long clamped(Instant at) {
    if (at.isBefore(Instant.ofEpochSecond(Long.MIN_VALUE / PER_SECOND + 1))) {
      return Long.MIN_VALUE;
    }
    if (at.isAfter(Instant.ofEpochSecond(Long.MAX_VALUE / PER_SECOND - 1))) {
      return Long.MAX_VALUE;
    }
    return exact(at);
  }
}
