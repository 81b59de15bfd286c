package org.ferry.decision;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/**
 * Which VNFs move where, in which order, and which could be placed nowhere.
 *
 * @param moves one per VNF, in the order to move them
 * @param unplaced the VNFs that must move but fit no site where every SLA would hold, with why
 */
public record RelocationPlan(List<Move> moves, Map<VnfId, String> unplaced) {

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
    moves = List.copyOf(moves);
    unplaced = java.util.Collections.unmodifiableMap(new TreeMap<>(unplaced));
  }

  /** The sites the VNFs move to. */
  public Set<SiteId> destinations() {
    return moves.stream().map(m -> m.to().site()).collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * The one site every VNF moves to.
   *
   * @throws IllegalStateException if the plan moves VNFs to several sites, or to none
   */
  public SiteId destination() {
    Set<SiteId> sites = destinations();
    if (sites.size() != 1) {
      throw new IllegalStateException("the plan moves VNFs to " + sites + ", not to one site");
    }
    return sites.iterator().next();
  }
}
