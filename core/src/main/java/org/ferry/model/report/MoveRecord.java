package org.ferry.model.report;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;

/**
 * What became of one VNF that a run set out to move.
 *
 * @param vnf the VNF as it was before the move
 * @param destination where it was to go
 * @param status how it ended
 * @param prediction what the model expected of the chosen approach, if a model was asked
 * @param outcome the migration's phases and figures, if it completed
 * @param ueRecovery how UEs fared, for a VNF on the user plane
 * @param failure why it failed, if it did
 */
public record MoveRecord(
    Vnf vnf,
    Placement destination,
    Status status,
    Optional<Prediction> prediction,
    Optional<MigrationOutcome> outcome,
    Optional<ServiceRecovery> ueRecovery,
    Optional<String> failure) {

  /** How a move ended. */
  public enum Status {
    /** Running at the destination, verified. */
    MOVED,
    /** Migrated, but it does not answer at the destination: see the failure. */
    UNVERIFIED,
    /** The migration failed; the VNF still runs at its source. */
    KEPT_AT_SOURCE,
    /** The migration failed and the VNF is down: needs an operator. */
    LOST,
    /**
     * Planned but never begun (the management path could not be set up): the VNF runs where it
     * was; the failure says why.
     */
    NOT_ATTEMPTED
  }

  public MoveRecord {
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(prediction, "prediction");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(ueRecovery, "ueRecovery");
    Objects.requireNonNull(failure, "failure");
  }
}
