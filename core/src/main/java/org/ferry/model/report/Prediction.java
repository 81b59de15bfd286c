package org.ferry.model.report;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;

/**
 * What a migration model expects a move to take, before it is made.
 *
 * @param approach the approach predicted
 * @param phases each phase's expected duration and bytes, in the approach's phase order
 * @param downtime expected downtime: how long the VNF is paused and unreachable
 * @param convergence whether the memory copy converges (always {@link Convergence#CONVERGES} for
 *     approaches that copy once)
 * @param ueServiceRecovery for a VNF that carries the user plane, how long attached UEs are
 *     expected to go without service: the downtime, the backhaul flow change and the backhaul
 *     interface's reconnection; empty for the others
 */
public record Prediction(
    MigrationApproach approach,
    Map<Phase, Estimate> phases,
    Duration downtime,
    Convergence convergence,
    Optional<Duration> ueServiceRecovery) {

  /**
   * One phase as predicted.
   *
   * @param duration how long it takes
   * @param bytes how much it sends between the hosts
   */
  public record Estimate(Duration duration, DataSize bytes) {
    public Estimate {
      Objects.requireNonNull(duration, "duration");
      Objects.requireNonNull(bytes, "bytes");
    }
  }

  public Prediction {
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(downtime, "downtime");
    Objects.requireNonNull(convergence, "convergence");
    Objects.requireNonNull(ueServiceRecovery, "ueServiceRecovery");
    phases = Collections.unmodifiableMap(new LinkedHashMap<>(phases));
  }

  /** A prediction of a move that converges, for a VNF without user plane. */
  public Prediction(MigrationApproach approach, Map<Phase, Estimate> phases, Duration downtime) {
    this(approach, phases, downtime, Convergence.CONVERGES, Optional.empty());
  }

  /** Whether the move is expected to complete with its downtime within the approach's limit. */
  public boolean converges() {
    return convergence == Convergence.CONVERGES;
  }

  /** The sum of the phases. */
  public Duration migrationTime() {
    return phases.values().stream().map(Estimate::duration).reduce(Duration.ZERO, Duration::plus);
  }

  /** The bytes of all phases. */
  public DataSize bytesMoved() {
    return phases.values().stream().map(Estimate::bytes).reduce(DataSize.ZERO, DataSize::plus);
  }

  /** The predicted duration of one phase, or zero if the approach does not have it. */
  public Duration duration(Phase phase) {
    Estimate estimate = phases.get(phase);
    return estimate == null ? Duration.ZERO : estimate.duration();
  }

  /** The predicted bytes of one phase, or zero if the approach does not have it. */
  public DataSize bytes(Phase phase) {
    Estimate estimate = phases.get(phase);
    return estimate == null ? DataSize.ZERO : estimate.bytes();
  }
}
