package org.ferry.simulation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Frequency;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.LightpathState;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.Route;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.Distance;
import org.ferry.seam.optical.LightpathSetupException;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.OpticalListener;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.shortestpath.YenKShortestPath;
import org.jgrapht.graph.WeightedPseudograph;

/**
 * A simulated optical controller: routes lightpaths over the ROADM graph by fibre length (the k
 * shortest, as TransportPCE's PCE does), assigns one 50 GHz channel free on every span, highest
 * frequency first, and restores a broken service as TransportPCE does: delete, then create again
 * under the same name on a route that avoids the failed spans.
 *
 * <p>Set-up and deletion take the times in {@link SimulationSettings}, in virtual time.
 */
public final class SimulatedOpticalController implements OpticalController {

  /** How many candidate routes to try for spectrum before giving up. */
  private static final int K_ROUTES = 5;

  /** Channel index 60 is 196.1 THz, the top of the C band; channels are given from the top. */
  private static final int TOP_CHANNEL = 60;

  private static final String PEER = "simulated optical controller";

  private final SimulatedWorld world;
  private final Topology topology;
  private final Map<LightpathId, Lightpath> lightpaths = new LinkedHashMap<>();
  private final Map<LightpathId, Boolean> restorable = new HashMap<>();
  private final Map<FiberId, BitSet> usedChannels = new HashMap<>();
  private final Set<FiberId> failed = new HashSet<>();
  private final List<OpticalListener> listeners = new CopyOnWriteArrayList<>();

  SimulatedOpticalController(SimulatedWorld world) {
    this.world = world;
    this.topology = world.topology();
    topology.fibers().forEach(f -> usedChannels.put(f.id(), new BitSet()));
  }

  /**
   * A lightpath in service from the start of the simulation.
   *
   * @param name its service name
   * @param a one end's xponder
   * @param z the other end's xponder, of the same class
   * @param isRestorable whether the controller may reroute it after a fault
   * @throws IllegalArgumentException if the name is taken, an xponder is in use or no route has a
   *     free channel
   */
  public synchronized Lightpath provision(
      LightpathId name, Transponder a, Transponder z, boolean isRestorable) {
    if (lightpaths.containsKey(name)) {
      throw new IllegalArgumentException("lightpath " + name + " exists already");
    }
    if (a.kind() != z.kind()) {
      throw new IllegalArgumentException("lightpath " + name + " joins a " + a.kind() + " to a "
          + z.kind() + "; both ends need the same class");
    }
    for (Transponder t : List.of(a, z)) {
      if (inUse(t)) {
        throw new IllegalArgumentException("transponder " + t.id() + " is in use");
      }
    }
    Assignment assignment = assign(a.roadm(), z.roadm())
        .orElseThrow(() -> new IllegalArgumentException(
            "no route with a free channel between " + a.roadm() + " and " + z.roadm()));
    Lightpath lp = new Lightpath(name, a.kind(), new Lightpath.End(a.site(), a.id()),
        new Lightpath.End(z.site(), z.id()), assignment.route(), assignment.frequency(),
        LightpathState.IN_SERVICE, false);
    occupy(assignment);
    lightpaths.put(name, lp);
    restorable.put(name, isRestorable);
    return lp;
  }

  @Override
  public Topology topology() {
    return topology;
  }

  @Override
  public synchronized List<Lightpath> lightpaths() {
    return List.copyOf(lightpaths.values());
  }

  @Override
  public synchronized Optional<Lightpath> lightpath(LightpathId id) {
    return Optional.ofNullable(lightpaths.get(id));
  }

  @Override
  public RestorationResult restore(LightpathId id) {
    RestorationResult result;
    synchronized (this) {
      Lightpath lp = lightpaths.get(id);
      if (lp == null) {
        throw new IllegalArgumentException("unknown lightpath " + id);
      }
      if (lp.inService()) {
        return RestorationResult.restored(lp, "in service; nothing to restore");
      }
      if (!restorable.getOrDefault(id, false)) {
        return RestorationResult.failed(id, RestorationResult.Cause.NOT_RESTORABLE,
            "service " + id + " is not restorable");
      }
      // TransportPCE restores by deleting the service and creating it again under its name.
      release(lp);
      NodeId from = topology.transponder(lp.aEnd().xponder()).roadm();
      NodeId to = topology.transponder(lp.zEnd().xponder()).roadm();
      List<Route> routes = routes(from, to);
      Optional<Assignment> assignment = firstWithSpectrum(routes);
      if (assignment.isEmpty()) {
        // Keep the old channel reserved: the service still exists, out of service.
        occupy(new Assignment(lp.route(), lp.frequency()));
        result = routes.isEmpty()
            ? RestorationResult.failed(id, RestorationResult.Cause.NO_PATH_EXISTS,
                "no path from " + from + " to " + to + " avoids failed fibres " + failed)
            : RestorationResult.failed(id, RestorationResult.Cause.NO_FREE_SPECTRUM,
                "no channel is free on every span of the " + routes.size()
                    + " candidate route(s)");
        return result;
      }
      occupy(assignment.get());
      lightpaths.put(id, lp.withRoute(assignment.get().route(), assignment.get().frequency())
          .withState(LightpathState.OUT_OF_SERVICE));
    }
    world.time().sleep(world.settings().lightpathSetup());
    synchronized (this) {
      Lightpath restored = lightpaths.get(id).withState(LightpathState.IN_SERVICE);
      lightpaths.put(id, restored);
      result = RestorationResult.restored(restored, "rerouted as " + restored.route());
    }
    world.refresh();
    return result;
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    Lightpath lp;
    synchronized (this) {
      if (lightpaths.containsKey(request.name())) {
        throw new LightpathSetupException(PEER, "service " + request.name() + " exists already",
            false);
      }
      Transponder a = freeTransponder(request.aEnd(), request.kind());
      Transponder z = freeTransponder(request.zEnd(), request.kind());
      List<Route> routes = routes(a.roadm(), z.roadm());
      Assignment assignment = firstWithSpectrum(routes)
          .orElseThrow(() -> new LightpathSetupException(PEER, routes.isEmpty()
              ? "no path from " + request.aEnd() + " to " + request.zEnd()
                  + " avoids failed fibres " + failed
              : "no channel is free on every span of the " + routes.size()
                  + " candidate route(s) from " + request.aEnd() + " to " + request.zEnd(),
              false));
      occupy(assignment);
      lp = new Lightpath(request.name(), request.kind(), new Lightpath.End(a.site(), a.id()),
          new Lightpath.End(z.site(), z.id()), assignment.route(), assignment.frequency(),
          LightpathState.OUT_OF_SERVICE, true);
      lightpaths.put(lp.id(), lp);
    }
    world.time().sleep(world.settings().lightpathSetup());
    synchronized (this) {
      lp = lp.withState(LightpathState.IN_SERVICE);
      lightpaths.put(lp.id(), lp);
    }
    world.refresh();
    return lp;
  }

  @Override
  public void release(LightpathId id) {
    synchronized (this) {
      Lightpath lp = lightpaths.get(id);
      if (lp == null) {
        return;
      }
      release(lp);
      lightpaths.remove(id);
      restorable.remove(id);
    }
    world.time().sleep(world.settings().lightpathDelete());
    world.refresh();
  }

  @Override
  public void addListener(OpticalListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Cuts a fibre: every lightpath across it goes out of service, and listeners hear of it.
   *
   * @throws IllegalArgumentException if the fibre is unknown
   */
  public void cutFiber(FiberId id) {
    topology.fiber(id);
    List<LightpathId> down = new ArrayList<>();
    synchronized (this) {
      failed.add(id);
      for (Lightpath lp : List.copyOf(lightpaths.values())) {
        if (lp.route().crosses(id) && lp.inService()) {
          lightpaths.put(lp.id(), lp.withState(LightpathState.OUT_OF_SERVICE));
          down.add(lp.id());
        }
      }
    }
    world.refresh();
    OpticalEvent event = new OpticalEvent.FiberFailed(id, world.time().now(), down);
    listeners.forEach(l -> l.onEvent(event));
  }

  /** Repairs a fibre; lightpaths stay where restoration put them. */
  public void repairFiber(FiberId id) {
    topology.fiber(id);
    synchronized (this) {
      failed.remove(id);
    }
    OpticalEvent event = new OpticalEvent.FiberRepaired(id, world.time().now());
    listeners.forEach(l -> l.onEvent(event));
  }

  /** Channels in use on one fibre, for tests and reports. */
  public synchronized int channelsInUse(FiberId id) {
    topology.fiber(id);
    return usedChannels.get(id).cardinality();
  }

  private record Assignment(Route route, Frequency frequency) {}

  /**
   * Candidate routes are a pure function of the (immutable) topology, the failed fibres and the
   * ends, so they are computed once per such triple and shared by every controller over the same
   * topology: the experiment sweep brings the same setting up thousands of times.
   */
  private static final Map<Topology, Map<List<Object>, List<Route>>> ROUTES =
      Collections.synchronizedMap(new WeakHashMap<>());

  private List<Route> routes(NodeId from, NodeId to) {
    if (from.equals(to)) {
      return List.of(new Route(List.of(from), List.of(), Distance.ZERO));
    }
    List<Object> key = List.of(from, to, Set.copyOf(failed));
    return ROUTES.computeIfAbsent(topology, t -> new ConcurrentHashMap<>())
        .computeIfAbsent(key, k -> computeRoutes(from, to));
  }

  private List<Route> computeRoutes(NodeId from, NodeId to) {
    WeightedPseudograph<NodeId, Fiber> graph = new WeightedPseudograph<>(Fiber.class);
    topology.roadms().forEach(r -> graph.addVertex(r.id()));
    for (Fiber fiber : topology.fibers()) {
      if (!failed.contains(fiber.id())) {
        graph.addEdge(fiber.a().roadm(), fiber.z().roadm(), fiber);
        graph.setEdgeWeight(fiber, fiber.length().kilometres());
      }
    }
    List<Route> routes = new ArrayList<>();
    for (GraphPath<NodeId, Fiber> path : new YenKShortestPath<>(graph).getPaths(from, to,
        K_ROUTES)) {
      routes.add(new Route(path.getVertexList(),
          path.getEdgeList().stream().map(Fiber::id).toList(),
          Distance.ofKilometres(path.getWeight())));
    }
    return List.copyOf(routes);
  }

  private Optional<Assignment> firstWithSpectrum(List<Route> routes) {
    int channels = world.settings().fixedGridChannels();
    for (Route route : routes) {
      BitSet used = new BitSet();
      route.fibers().forEach(f -> used.or(usedChannels.get(f)));
      for (int slot = 0; slot < channels; slot++) {
        if (!used.get(slot)) {
          return Optional.of(new Assignment(route, Frequency.ofFixedGridChannel(TOP_CHANNEL - slot)));
        }
      }
    }
    return Optional.empty();
  }

  private Optional<Assignment> assign(NodeId from, NodeId to) {
    return firstWithSpectrum(routes(from, to));
  }

  private void occupy(Assignment assignment) {
    int slot = slotOf(assignment.frequency());
    assignment.route().fibers().forEach(f -> usedChannels.get(f).set(slot));
  }

  private void release(Lightpath lp) {
    int slot = slotOf(lp.frequency());
    lp.route().fibers().forEach(f -> usedChannels.get(f).clear(slot));
  }

  private static int slotOf(Frequency frequency) {
    long n = Math.round((frequency.terahertz() - Frequency.ANCHOR_THZ)
        / Frequency.FIXED_GRID_SPACING_THZ);
    return TOP_CHANNEL - (int) n;
  }

  private boolean inUse(Transponder t) {
    return lightpaths.values().stream()
        .anyMatch(lp -> lp.aEnd().xponder().equals(t.id()) || lp.zEnd().xponder().equals(t.id()));
  }

  private Transponder freeTransponder(SiteId site, TransponderClass kind) {
    return topology.transponders(site, kind).stream()
        .filter(t -> !inUse(t))
        .findFirst()
        .orElseThrow(() -> new LightpathSetupException(PEER,
            "no free " + kind + " at " + site, false));
  }
}
