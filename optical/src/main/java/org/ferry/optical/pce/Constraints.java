package org.ferry.optical.pce;

import java.util.List;
import java.util.Optional;

/**
 * The hard constraints the PCE honours, as in the OpenROADM routing-constraints model.
 *
 * @param excludeNodes node-ids (ROADMs or xponders) no path may cross
 * @param excludeSrlgs SRLG ids no span of the path may belong to
 * @param excludeSites CLLIs no ROADM of the path may stand at
 * @param includeNodes node-ids every path must cross
 * @param maxLatencyMs the sum of span latencies must be strictly below this, if present
 */
public record Constraints(
    List<String> excludeNodes,
    List<Long> excludeSrlgs,
    List<String> excludeSites,
    List<String> includeNodes,
    Optional<Double> maxLatencyMs) {

  public static final Constraints NONE =
      new Constraints(List.of(), List.of(), List.of(), List.of(), Optional.empty());

  public Constraints {
    excludeNodes = List.copyOf(excludeNodes);
    excludeSrlgs = List.copyOf(excludeSrlgs);
    excludeSites = List.copyOf(excludeSites);
    includeNodes = List.copyOf(includeNodes);
    maxLatencyMs = maxLatencyMs == null ? Optional.empty() : maxLatencyMs;
  }
}
