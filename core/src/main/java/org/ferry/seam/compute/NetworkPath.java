package org.ferry.seam.compute;

import java.time.Duration;
import java.util.Objects;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.Distance;

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

  /**
   * The path of a lightpath between two xponders of {@code kind} over {@code fibre}: their client
   * rate, and 5 µs per km plus each xponder's latency one way, as {@code Lightpath} computes it.
   */
  public static NetworkPath over(TransponderClass kind, Distance fibre) {
    return new NetworkPath(kind.clientRate(),
        fibre.propagationDelay().plus(kind.equipmentLatency().multipliedBy(2)));
  }

  public Duration roundTrip() {
    return oneWayLatency.multipliedBy(2);
  }
}
