package org.ferry.seam.compute;

import java.time.Duration;
import java.util.Objects;
import org.ferry.model.unit.DataRate;

/**
 * The path a migration stream takes between the hosts.
 *
 * @param rate the rate available to the stream
 * @param oneWayLatency its one-way latency
 */
public record NetworkPath(DataRate rate, Duration oneWayLatency) {

  public NetworkPath {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(oneWayLatency, "oneWayLatency");
    if (oneWayLatency.isNegative()) {
      throw new IllegalArgumentException("latency cannot be negative, got " + oneWayLatency);
    }
  }

  public Duration roundTrip() {
    return oneWayLatency.multipliedBy(2);
  }
}
