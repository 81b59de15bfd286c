package org.ferry.model.unit;

import java.time.Duration;

/**
 * A length of fibre in kilometres.
 *
 * @param kilometres zero or more, finite
 */
public record Distance(double kilometres) implements Comparable<Distance> {

  /**
   * Propagation delay of light in standard single-mode fibre: 5 µs per km (group index about
   * 1.47, so light runs at about 2/3 of c).
   */
  public static final Duration DELAY_PER_KM = Duration.ofNanos(5_000);

  public static final Distance ZERO = new Distance(0);

  public Distance {
    if (!Double.isFinite(kilometres) || kilometres < 0) {
      throw new IllegalArgumentException(
          "distance must be a finite number of kilometres, 0 or more; got " + kilometres);
    }
  }

  public static Distance ofKilometres(double kilometres) {
    return new Distance(kilometres);
  }

  public static Distance ofMetres(double metres) {
    return new Distance(metres / 1000.0);
  }

  /** One-way propagation delay over this length of fibre. */
  public Duration propagationDelay() {
    return Duration.ofNanos(Math.round(kilometres * DELAY_PER_KM.toNanos()));
  }

  public Distance plus(Distance other) {
    return new Distance(kilometres + other.kilometres);
  }

  @Override
  public int compareTo(Distance other) {
    return Double.compare(kilometres, other.kilometres);
  }

  @Override
  public String toString() {
    return (kilometres == Math.rint(kilometres)
            ? Long.toString((long) kilometres)
            : String.format("%.3f", kilometres))
        + " km";
  }
}
