package org.ferry.decision;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.vnf.MigrationApproach;

/**
 * How to choose the approach for a move.
 *
 * @param forced if present, the approach to use wherever it suits the VNF; otherwise the one with
 *     the least predicted downtime
 */
public record ApproachPolicy(Optional<MigrationApproach> forced) {

  public ApproachPolicy {
    Objects.requireNonNull(forced, "forced");
  }

  /** The least predicted downtime, ties broken by migration time. */
  public static ApproachPolicy leastDowntime() {
    return new ApproachPolicy(Optional.empty());
  }

  public static ApproachPolicy always(MigrationApproach approach) {
    return new ApproachPolicy(Optional.of(approach));
  }
}
