package org.ferry.app.experiment;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataSize;

/**
 * What one run of a sweep point gave, as the twin played it out.
 *
 * @param point the configuration
 * @param repetition 1-based
 * @param seed the twin's seed for this run
 * @param status how the move ended
 * @param migrationTime the sum of the phases (zero if the move did not complete)
 * @param downtime how long the function was paused (zero if it did not complete)
 * @param bytesMoved bytes sent between the hosts
 * @param ueServiceRecovery the longest gap UEs saw, for the SPGW
 * @param phases each phase's duration
 * @param prediction what the model expected, if it was asked
 */
public record RunResult(
    SweepPoint point,
    int repetition,
    long seed,
    MoveRecord.Status status,
    Duration migrationTime,
    Duration downtime,
    DataSize bytesMoved,
    Optional<Duration> ueServiceRecovery,
    Map<Phase, Duration> phases,
    Optional<Prediction> prediction) {

  public RunResult {
    Objects.requireNonNull(point, "point");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(migrationTime, "migrationTime");
    Objects.requireNonNull(downtime, "downtime");
    Objects.requireNonNull(bytesMoved, "bytesMoved");
    Objects.requireNonNull(ueServiceRecovery, "ueServiceRecovery");
    Objects.requireNonNull(prediction, "prediction");
    phases = phases.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(phases));
  }

  /** Whether the function ended up running at its destination. */
  public boolean moved() {
    return status == MoveRecord.Status.MOVED;
  }
}
