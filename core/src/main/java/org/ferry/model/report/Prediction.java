package org.ferry.model.report;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;

/**
 * What a migration model expects a move to take, before it is made.
 *
 * @param approach the approach predicted
 * @param phases expected duration of each phase, in the approach's phase order
 * @param downtime expected downtime
 * @param bytesMoved expected bytes sent between hosts
 */
public record Prediction(
    MigrationApproach approach,
    Map<Phase, Duration> phases,
    Duration downtime,
    DataSize bytesMoved) {

  public Prediction {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(downtime, "downtime");
    Objects.requireNonNull(bytesMoved, "bytesMoved");
    phases = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(phases));
  }

  /** The sum of the phases. */
  public Duration migrationTime() {
    return phases.values().stream().reduce(Duration.ZERO, Duration::plus);
  }
}
