package org.ferry.testbed.net;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.unit.DataRate;

/**
 * How the lightpath link is shaped.
 *
 * @param rate the rate, or empty for as fast as the machine goes
 * @param oneWayDelay the target one-way delay
 */
public record LinkShape(Optional<DataRate> rate, Duration oneWayDelay) {

  /** Rates above this are not shaped: the machine cannot reach them anyway. */
  public static final DataRate UNSHAPED_ABOVE = DataRate.ofGbps(10);

  public LinkShape {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(oneWayDelay, "oneWayDelay");
    if (oneWayDelay.isNegative()) {
      throw new IllegalArgumentException("delay cannot be negative, got " + oneWayDelay);
    }
  }

  public static LinkShape of(DataRate rate, Duration oneWayDelay) {
    return new LinkShape(
        rate.compareTo(UNSHAPED_ABOVE) > 0 ? Optional.empty() : Optional.of(rate), oneWayDelay);
  }

  /** The lightpath's client rate (1G, 10G; 40G unshaped) and its one-way latency. */
  public static LinkShape of(Lightpath lightpath) {
    return of(lightpath.capacity(), lightpath.latency());
  }

  @Override
  public String toString() {
    return rate.map(DataRate::toString).orElse("unshaped") + ", "
        + oneWayDelay.toNanos() / 1000 + " µs one-way";
  }
}
