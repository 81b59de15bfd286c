package org.ferry.model.vnf;

import java.time.Duration;
import java.util.Objects;
import org.ferry.model.unit.DataRate;

/**
 * What a VNF needs from the network toward one peer.
 *
 * @param peer the far end
 * @param minBandwidth the least rate the path must offer
 * @param maxLatency the most one-way latency the path may have
 */
public record SlaRequirement(Peer peer, DataRate minBandwidth, Duration maxLatency) {

  public SlaRequirement {
    Objects.requireNonNull(peer, "peer");
    Objects.requireNonNull(minBandwidth, "minBandwidth");
    Objects.requireNonNull(maxLatency, "maxLatency");
    if (maxLatency.isNegative() || maxLatency.isZero()) {
      throw new IllegalArgumentException("SLA max latency toward " + peer + " must be above 0");
    }
  }
}
