package org.ferry.run;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.store.VnfStore;

/**
 * What a run may touch, so that two runs never touch the same thing at once: VNFs, and sites
 * (their hosts' room and their xponders, from which temporary lightpaths are set up).
 *
 * <p>A fault run claims everything: which VNFs it moves, and where, is known only once it has
 * checked the SLAs on the restored network. A planned move claims the VNFs it names and every
 * VNF joined to them by an SLA (the planner may pull those along), the sites they run at, and
 * its destination.
 */
final class Claims {

  private static final Claims EVERYTHING = new Claims(Set.of(), Set.of(), true);

  private final Set<VnfId> vnfs;
  private final Set<SiteId> sites;
  private final boolean everything;

  private Claims(Set<VnfId> vnfs, Set<SiteId> sites, boolean everything) {
    this.vnfs = Collections.unmodifiableSet(vnfs);
    this.sites = Collections.unmodifiableSet(sites);
    this.everything = everything;
  }

  static Claims of(Trigger trigger, VnfStore inventory) {
    return switch (trigger) {
      case Trigger.FiberFailure f -> EVERYTHING;
      case Trigger.PlannedMove m -> ofMove(m, inventory);
    };
  }

  private static Claims ofMove(Trigger.PlannedMove move, VnfStore inventory) {
    Set<VnfId> vnfs = new HashSet<>();
    Set<SiteId> sites = new HashSet<>(Set.of(move.destination()));
    Deque<VnfId> todo = new ArrayDeque<>(move.vnfs());
    while (!todo.isEmpty()) {
      VnfId id = todo.pop();
      if (!vnfs.add(id)) {
        continue;
      }
      inventory.find(id).ifPresent(vnf -> {
        sites.add(vnf.placement().site());
        peersOf(vnf, inventory).forEach(todo::push);
      });
    }
    return new Claims(vnfs, sites, false);
  }

  /** The VNFs with an SLA toward {@code vnf}, and those it has one toward. */
  private static Set<VnfId> peersOf(Vnf vnf, VnfStore inventory) {
    Set<VnfId> peers = new HashSet<>();
    for (SlaRequirement sla : vnf.sla()) {
      if (sla.peer() instanceof Peer.OfVnf other) {
        peers.add(other.vnf());
      }
    }
    for (Vnf other : inventory.all()) {
      for (SlaRequirement sla : other.sla()) {
        if (sla.peer() instanceof Peer.OfVnf p && p.vnf().equals(vnf.id())) {
          peers.add(other.id());
        }
      }
    }
    return peers;
  }

  boolean overlaps(Claims other) {
    return everything || other.everything
        || !Collections.disjoint(vnfs, other.vnfs) || !Collections.disjoint(sites, other.sites);
  }

  @Override
  public String toString() {
    return everything ? "everything" : "VNFs " + vnfs + ", sites " + sites;
  }
}
