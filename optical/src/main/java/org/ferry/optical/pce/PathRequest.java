package org.ferry.optical.pce;

import java.util.Objects;
import java.util.Set;

/**
 * What to compute a path for.
 *
 * @param aXponder the A-end xponder (its OpenROADM node-id)
 * @param zXponder the Z-end xponder
 * @param rateGbps the service rate; sets how many slots the channel takes
 * @param metric what the k shortest paths minimise
 * @param constraints the hard constraints
 * @param failedSpans spans that are down and must not be used
 */
public record PathRequest(
    String aXponder,
    String zXponder,
    int rateGbps,
    Metric metric,
    Constraints constraints,
    Set<String> failedSpans) {

  /** The routing metric ({@code pce-routing-metric}). */
  public enum Metric {
    /** One per span: TransportPCE's default; TE-metric and IGP-metric fall back to it. */
    HOP_COUNT,
    /** Span latency from its length. */
    PROPAGATION_DELAY
  }

  public PathRequest {
    Objects.requireNonNull(aXponder, "aXponder");
    Objects.requireNonNull(zXponder, "zXponder");
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(constraints, "constraints");
    failedSpans = Set.copyOf(failedSpans);
  }

  /** Slots a channel of this rate takes: 8 (50 GHz) up to 200G, 14 (87.5 GHz) above. */
  public int slotsNeeded() {
    return rateGbps > 200 ? 14 : 8;
  }
}
