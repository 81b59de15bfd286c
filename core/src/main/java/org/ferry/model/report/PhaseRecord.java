package org.ferry.model.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.ferry.model.unit.DataSize;

/**
 * One timed phase of a migration.
 *
 * @param phase which phase
 * @param start when it began
 * @param end when it ended, not before {@code start}
 * @param bytesMoved bytes sent between hosts during it
 * @param source measured or simulated
 */
public record PhaseRecord(
    Phase phase, Instant start, Instant end, DataSize bytesMoved, Provenance source) {

  public PhaseRecord {
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(bytesMoved, "bytesMoved");
    Objects.requireNonNull(source, "source");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException(phase + " ends at " + end + ", before its start " + start);
    }
  }

  public Duration duration() {
    return Duration.between(start, end);
  }
}
