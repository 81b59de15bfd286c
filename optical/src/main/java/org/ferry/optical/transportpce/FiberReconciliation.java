package org.ferry.optical.transportpce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.model.network.Degree;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.Topology;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpticalNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ferry's inventory with the controller's word on its fibres. The controller routes the
 * lightpaths, so where the two disagree the controller is right about what the light crosses: a
 * fibre takes the length the controller holds, and a fibre the controller does not have is left
 * out. Sites, ROADMs and xponders stay the inventory's (they name the things Ferry manages).
 *
 * <p>Each disagreement is logged at WARN once, with both values, and kept for {@link
 * #disagreements()}. Thread-safe.
 */
final class FiberReconciliation {

  private static final Logger log = LoggerFactory.getLogger(FiberReconciliation.class);

  /** Lengths closer than this are the same span (the controller rounds to metres). */
  private static final double SAME_KM = 0.001;

  private final Topology inventory;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();
  private final List<String> disagreements = new CopyOnWriteArrayList<>();

  FiberReconciliation(Topology inventory) {
    this.inventory = inventory;
  }

  Topology inventory() {
    return inventory;
  }

  /**
   * The inventory with each fibre's length as the controller holds it; fibres the controller does
   * not have are left out; a fibre the controller publishes no length for keeps the inventory's.
   */
  Topology reconcile(RoadmLinks links) {
    List<Fiber> fibers = new ArrayList<>();
    for (Fiber fiber : inventory.fibers()) {
      Optional<RoadmLink> link = links.between(end(fiber.a()), end(fiber.z()));
      if (link.isEmpty()) {
        warn("fiber " + fiber.id() + ": the inventory has it (" + fiber.a() + " - " + fiber.z()
            + ", " + fiber.length() + "), the controller does not; leaving it out");
      } else if (link.get().length().isEmpty()) {
        warn("fiber " + fiber.id() + ": the controller publishes no length for link "
            + link.get().id() + "; using the inventory's " + fiber.length());
        fibers.add(fiber);
      } else {
        Distance said = link.get().length().get();
        if (Math.abs(said.kilometres() - fiber.length().kilometres()) >= SAME_KM) {
          warn("fiber " + fiber.id() + ": the inventory says " + fiber.length()
              + ", the controller says " + said + "; using the controller's");
        }
        fibers.add(new Fiber(fiber.id(), fiber.a(), fiber.z(), said));
      }
    }
    Set<Set<OpticalNetwork.End>> reported = new java.util.HashSet<>();
    for (RoadmLink link : links.all()) {
      boolean known = inventory.fibers().stream()
          .anyMatch(f -> link.joins(end(f.a()), end(f.z())));
      // one warning per fibre pair, not one per direction
      if (!known && reported.add(Set.of(link.from(), link.to()))) {
        warn("link " + link.id() + ": the controller has a fibre " + link.ends()
            + link.length().map(l -> " (" + l + ")").orElse("")
            + " that the inventory does not; lightpaths over it are not shown");
      }
    }
    return new Topology(inventory.sites(), inventory.roadms(), fibers,
        inventory.transponders());
  }

  /** Every disagreement found so far, in the order found, each once. */
  List<String> disagreements() {
    return List.copyOf(disagreements);
  }

  /** The fibre of {@code topology} joining degrees {@code x} and {@code y}, either way round. */
  static Optional<Fiber> fiberOn(Topology topology, OpticalNetwork.End x, OpticalNetwork.End y) {
    return topology.fibers().stream().filter(f -> {
      OpticalNetwork.End a = end(f.a());
      OpticalNetwork.End z = end(f.z());
      return a.equals(x) && z.equals(y) || a.equals(y) && z.equals(x);
    }).findFirst();
  }

  static OpticalNetwork.End end(Degree degree) {
    return new OpticalNetwork.End(degree.roadm().value(), degree.number());
  }

  private void warn(String disagreement) {
    if (warned.add(disagreement)) {
      disagreements.add(disagreement);
      log.warn("{}", disagreement);
    }
  }
}
