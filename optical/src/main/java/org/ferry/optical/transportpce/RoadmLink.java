package org.ferry.optical.transportpce;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpticalNetwork;

/**
 * One direction of a fibre pair as the controller publishes it: a ROADM-TO-ROADM link of
 * openroadm-topology, from one degree's TTP to another's.
 *
 * @param id the link-id, {@code <roadm>-DEGn-DEGn-TTP-TXRXto<roadm>-DEGk-DEGk-TTP-TXRX}
 * @param from the source degree
 * @param to the destination degree
 * @param length the span length the controller holds; empty when it publishes none (its PCE
 *     then ignores the link)
 * @param inService whether its operational-state is inService
 */
record RoadmLink(String id, OpticalNetwork.End from, OpticalNetwork.End to,
    Optional<Distance> length, boolean inService) {

  RoadmLink {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(length, "length");
  }

  /** Whether this link joins degrees {@code x} and {@code y}, in either direction. */
  boolean joins(OpticalNetwork.End x, OpticalNetwork.End y) {
    return from.equals(x) && to.equals(y) || from.equals(y) && to.equals(x);
  }

  /** {@code roadm-a degree 2 - roadm-b degree 1}, for messages. */
  String ends() {
    return from.roadm() + " degree " + from.degree() + " - " + to.roadm() + " degree "
        + to.degree();
  }
}
