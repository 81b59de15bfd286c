package org.ferry.model.report;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;

/**
 * What a completed migration took.
 *
 * @param approach how the VNF was moved
 * @param phases its phases in order, at least one
 * @param downtime how long the VNF was paused and unreachable
 */
public record MigrationOutcome(
    MigrationApproach approach, List<PhaseRecord> phases, Figure<Duration> downtime) {

  public MigrationOutcome {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(downtime, "downtime");
    phases = List.copyOf(phases);
    if (phases.isEmpty()) {
      throw new IllegalArgumentException("a migration outcome needs at least one phase");
    }
  }

  /** From the start of the first phase to the end of the last. */
  public Duration migrationTime() {
    return Duration.between(phases.getFirst().start(), phases.getLast().end());
  }

  /** Bytes sent between the hosts, over all phases. */
  public DataSize bytesMoved() {
    return phases.stream().map(PhaseRecord::bytesMoved).reduce(DataSize.ZERO, DataSize::plus);
  }

  /** The provenance of the phase timings (that of the first phase; drivers do not mix them). */
  public Provenance source() {
    return phases.getFirst().source();
  }
}
