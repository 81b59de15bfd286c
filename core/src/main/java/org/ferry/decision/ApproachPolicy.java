package org.ferry.decision;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.vnf.MigrationApproach;

/**
 * How to choose the approach for a move.
 *
 * @param forced if present, the approach to use wherever it suits the VNF; otherwise the one with
 *     the least predicted downtime, as bounded by {@code splitStateBudget}
 * @param splitStateBudget an approach that splits the VNF's state across the hosts (post-copy,
 *     lazy) is taken only when every approach that does not would keep the VNF down longer than
 *     this: a split move loses the VNF if the link fails before the last page arrives, which is a
 *     poor trade for a few milliseconds of downtime
 */
public record ApproachPolicy(Optional<MigrationApproach> forced, Duration splitStateBudget) {

  /** The default budget: one second of downtime. */
  public static final Duration DEFAULT_SPLIT_STATE_BUDGET = Duration.ofSeconds(1);

  public ApproachPolicy {
    Objects.requireNonNull(forced, "forced");
    Objects.requireNonNull(splitStateBudget, "splitStateBudget");
    if (splitStateBudget.isNegative()) {
      throw new IllegalArgumentException(
          "the split-state downtime budget cannot be negative, got " + splitStateBudget);
    }
  }

  /** The least predicted downtime, with the default budget for split-state approaches. */
  public static ApproachPolicy leastDowntime() {
    return new ApproachPolicy(Optional.empty(), DEFAULT_SPLIT_STATE_BUDGET);
  }

  public static ApproachPolicy always(MigrationApproach approach) {
    return new ApproachPolicy(Optional.of(approach), DEFAULT_SPLIT_STATE_BUDGET);
  }
}
