package org.ferry.decision;

import java.util.List;
import java.util.Objects;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;

/**
 * Which VNFs move where, in which order.
 *
 * @param destination the site they all move to
 * @param moves one per VNF, in the order to move them
 */
public record RelocationPlan(SiteId destination, List<Move> moves) {

  /**
   * One VNF to move.
   *
   * @param vnf the VNF as it is now
   * @param to the host it goes to
   * @param reason why it must move, for the record
   */
  public record Move(Vnf vnf, Placement to, String reason) {
    public Move {
      Objects.requireNonNull(vnf, "vnf");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(reason, "reason");
    }
  }

  public RelocationPlan {
    Objects.requireNonNull(destination, "destination");
    moves = List.copyOf(moves);
  }
}
