package org.ferry.optical.transportpce;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Frequency;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.LightpathState;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.Route;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.transportpce.OpenRoadmService.PathDirection;
import org.ferry.optical.transportpce.OpenRoadmService.Service;

/**
 * Turns a TransportPCE service and its service path into Ferry's {@link Lightpath}, on the
 * controller's word: the route is the path's ROADM-TO-ROADM links in order, its length the sum of
 * the lengths the controller holds for them (so the lightpath's latency is the controller's), and
 * it is in service only if the service is and every link it crosses is. The inventory only names
 * things: the xponders at the ends and the fibre id of each link ({@link OpenRoadmNames}: the
 * fibre on the link's two degrees).
 *
 * <p>Immutable: one mapper per reading of the controller's topology.
 */
final class LightpathMapper {

  private final Topology topology;
  private final RoadmLinks links;

  /**
   * @param topology the inventory reconciled with the controller ({@link FiberReconciliation})
   * @param links the controller's ROADM-TO-ROADM links
   */
  LightpathMapper(Topology topology, RoadmLinks links) {
    this.topology = topology;
    this.links = links;
  }

  /**
   * The lightpath, or empty when Ferry cannot name it: an end that is no xponder of the
   * inventory, or a link on a fibre that the inventory or the controller does not have.
   */
  Optional<Lightpath> toLightpath(Service service, PathDirection path) {
    Optional<Transponder> a = xponder(service.aNode());
    Optional<Transponder> z = xponder(service.zNode());
    if (a.isEmpty() || z.isEmpty()) {
      return Optional.empty();
    }
    List<NodeId> roadms = new ArrayList<>(List.of(a.get().roadm()));
    List<FiberId> fibers = new ArrayList<>();
    Distance length = Distance.ZERO;
    boolean linksUp = true;
    for (String linkId : path.linkIds()) {
      Optional<OpticalNetwork.End[]> ends = OpenRoadmNames.parseRoadmToRoadm(linkId);
      if (ends.isEmpty()) {
        continue; // add, drop, express and xponder links: no fibre, no length
      }
      Optional<Fiber> fiber =
          FiberReconciliation.fiberOn(topology, ends.get()[0], ends.get()[1]);
      Optional<RoadmLink> link = links.byId(linkId)
          .or(() -> links.between(ends.get()[0], ends.get()[1]));
      if (fiber.isEmpty() || link.isEmpty()) {
        return Optional.empty();
      }
      fibers.add(fiber.get().id());
      roadms.add(fiber.get().otherEnd(roadms.getLast()));
      // the reconciled fibre carries the controller's length, or the inventory's where the
      // controller publishes none
      length = length.plus(link.get().length().orElse(fiber.get().length()));
      linksUp &= link.get().inService() && !path.outOfServiceLinks().contains(linkId);
    }
    LightpathState state = service.inService() && linksUp ? LightpathState.IN_SERVICE
        : LightpathState.OUT_OF_SERVICE;
    return Optional.of(new Lightpath(LightpathId.of(service.name()), a.get().kind(),
        new Lightpath.End(a.get().site(), a.get().id()),
        new Lightpath.End(z.get().site(), z.get().id()), new Route(roadms, fibers, length),
        new Frequency(path.centralFrequencyThz()), state, service.temp()));
  }

  private Optional<Transponder> xponder(String nodeId) {
    return topology.transponders().stream().filter(t -> t.id().value().equals(nodeId))
        .findFirst();
  }
}
