package org.ferry.optical.transportpce;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.transportpce.OpenRoadmService.CreateInput;
import org.ferry.optical.transportpce.OpenRoadmService.Endpoint;
import org.ferry.optical.transportpce.OpenRoadmService.PathDirection;
import org.ferry.optical.transportpce.OpenRoadmService.Response;
import org.ferry.optical.transportpce.OpenRoadmService.Service;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.optical.LightpathSetupException;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.OpticalListener;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;

/**
 * The optical seam over TransportPCE's RESTCONF northbound API, for a real controller or the
 * emulator alike. What the controller says wins: lightpaths are its services and temp-services,
 * their routes its service paths, and the fibres' lengths and states the ROADM-TO-ROADM links of
 * its openroadm-topology ({@link RoadmLinks}); a lightpath's length, and so its latency, is the
 * sum of the controller's span lengths ({@link LightpathMapper}). Ferry's inventory only names
 * things: sites, xponders, and the fibre on each pair of degrees. Where the inventory disagrees
 * with the controller (a fibre length, a fibre one of them does not have), a warning says so
 * once, and {@link #topology()} is the inventory corrected to the controller's word ({@link
 * FiberReconciliation}). Faults arrive through the controller's notification stream.
 *
 * <p>Readings are kept ({@link LightpathStore}) until a notification or a request of this client
 * may have changed them, so polling {@link #lightpaths()} costs no request between events.
 *
 * <p>Thread-safe. Calls block in real time; {@link #close()} stops following notifications.
 */
public final class TransportPceOpticalController implements OpticalController, AutoCloseable {

  /** How long a reading is kept with no notification dropping it: the net under the stream. */
  static final Duration MAX_READING_AGE = Duration.ofSeconds(30);

  private final TransportPceClient client;
  private final FiberReconciliation reconciliation;
  private final LightpathStore store;
  private final List<OpticalListener> listeners = new CopyOnWriteArrayList<>();
  private final NotificationFollower follower;
  private volatile long lastFaultSeq;

  /**
   * Connects, reads the controller's topology and starts following notifications.
   *
   * @param settings where the controller is
   * @param inventory the network as Ferry knows it: sites, xponders (node-ids), fibres
   * @throws SouthboundException if the controller cannot be reached
   */
  public TransportPceOpticalController(TransportPceSettings settings, Topology inventory) {
    this.client = new TransportPceClient(settings);
    this.reconciliation = new FiberReconciliation(Objects.requireNonNull(inventory, "inventory"));
    this.store = new LightpathStore(this::read, MAX_READING_AGE, System::nanoTime);
    this.follower = new NotificationFollower(client.restconf(), settings.notifications(),
        this::fiberOfLink, this::onFiber, store::invalidate);
    try {
      store.current(); // reads the controller now, so that disagreements show from the start
    } catch (RuntimeException e) {
      follower.close();
      throw e;
    }
  }

  /** The typed client underneath. */
  public TransportPceClient client() {
    return client;
  }

  /**
   * The inventory with the controller's word on its fibres: each fibre with the length the
   * controller holds, fibres the controller does not have left out. From the last reading.
   */
  @Override
  public Topology topology() {
    return store.current().topology();
  }

  /** From the last reading; no request unless a notification or a change dropped it. */
  @Override
  public List<Lightpath> lightpaths() {
    return store.current().lightpaths();
  }

  /** Read from the controller now (its fibres from the last reading). */
  @Override
  public Optional<Lightpath> lightpath(LightpathId id) {
    Optional<Service> service = client.service(id.value(), false)
        .or(() -> client.service(id.value(), true));
    LightpathMapper mapper = store.current().mapper();
    return service.flatMap(s -> client.servicePath(s.name())
        .flatMap(p -> mapper.toLightpath(s, p)));
  }

  /**
   * Where the inventory and the controller disagree, each once, in the order found, e.g.
   * "fiber fiber-a-b: the inventory says 10 km, the controller says 50 km; using the
   * controller's". Each was also logged at WARN.
   */
  public List<String> disagreements() {
    return reconciliation.disagreements();
  }

  @Override
  public RestorationResult restore(LightpathId id) {
    try {
      return followRestoration(id);
    } finally {
      store.invalidate(); // TransportPCE deleted and created the service again
    }
  }

  private RestorationResult followRestoration(LightpathId id) {
    String name = id.value();
    long since = lastFaultSeq;
    long deadline = System.nanoTime() + client.settings().followTimeout().toNanos();
    boolean checked = false;
    while (true) {
      Optional<Service> service = client.service(name, false);
      if (service.isPresent() && service.get().inService()) {
        Optional<Lightpath> lp = lightpath(id);
        if (lp.isPresent()) {
          return RestorationResult.restored(lp.get(), "TransportPCE rerouted service '" + name
              + "' (deleted and created again under its name)");
        }
      } else if (service.isPresent() && !service.get().restorable()) {
        return RestorationResult.failed(id, RestorationResult.Cause.NOT_RESTORABLE,
            "service '" + name + "' is not restorable; TransportPCE leaves it outOfService");
      } else if (service.isPresent() && !checked) {
        checked = true;
        Response check = client.serviceReroute(name);
        if (!check.accepted()) {
          return RestorationResult.failed(id, cause(check.responseMessage()),
              "service '" + name + "': TransportPCE answered '" + check.responseMessage() + "'");
        }
      } else if (service.isEmpty()) {
        Optional<String> failure = follower.failureSince(name, since);
        if (failure.isPresent()) {
          return RestorationResult.failed(id, RestorationResult.Cause.SETUP_FAILED,
              "service '" + name + "': " + failure.get());
        }
      }
      if (System.nanoTime() > deadline) {
        return RestorationResult.failed(id, RestorationResult.Cause.SETUP_FAILED,
            "service '" + name + "' was not back inService within "
                + client.settings().followTimeout());
      }
      TransportPceClient.pause(client.settings().pollInterval());
    }
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    String name = request.name().value();
    Set<TransponderId> used = lightpaths().stream()
        .flatMap(lp -> java.util.stream.Stream.of(lp.aEnd().xponder(), lp.zEnd().xponder()))
        .collect(Collectors.toSet());
    Transponder a = free(request.aEnd(), request.kind(), used);
    Transponder z = free(request.zEnd(), request.kind(), used);
    int rate = (int) Math.round(request.kind().lineRate().bitsPerSecond() / 1e9);
    CreateInput input = new CreateInput(TransportPceClient.header("temp-service-create"), null,
        name, "service", Endpoint.ethernet(rate, a.site().value(), a.id().value()),
        Endpoint.ethernet(rate, z.site().value(), z.id().value()), null, null);
    long since = follower.last();
    Response reply = client.tempServiceCreate(input);
    store.invalidate();
    if (!reply.accepted()) {
      throw new LightpathSetupException(client.peer(), "temp-service '" + name
          + "' was refused: TransportPCE answered " + reply.responseCode() + " '"
          + reply.responseMessage() + "'", false);
    }
    try {
      Service s = client.follow(name, true, () -> follower.failureSince(name, since));
      store.invalidate();
      LightpathMapper mapper = store.current().mapper();
      return client.servicePath(name).flatMap(p -> mapper.toLightpath(s, p)).orElseThrow(
          () -> new LightpathSetupException(client.peer(), "temp-service '" + name
              + "' is inService but has no service path", true));
    } catch (ServiceFailedException e) {
      throw new LightpathSetupException(client.peer(), "temp-service '" + name + "' failed: "
          + e.getMessage().substring(e.getMessage().indexOf("failed: ") + 8), false);
    } catch (SouthboundException e) {
      throw new LightpathSetupException(client.peer(), e.getMessage(), e.retriable());
    }
  }

  @Override
  public void release(LightpathId id) {
    String name = id.value();
    Response reply = client.tempServiceDelete(name);
    store.invalidate();
    if (!reply.accepted()) {
      return; // "does not exist in datastore": gone already
    }
    try {
      awaitDeleted(name);
    } finally {
      store.invalidate();
    }
  }

  private void awaitDeleted(String name) {
    long deadline = System.nanoTime() + client.settings().followTimeout().toNanos();
    while (client.service(name, true).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new SouthboundException(client.peer(), "temp-service '" + name
            + "' was not deleted within " + client.settings().followTimeout(), true);
      }
      TransportPceClient.pause(client.settings().pollInterval());
    }
  }

  @Override
  public void addListener(OpticalListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  @Override
  public void close() {
    follower.close();
  }

  private void onFiber(NotificationFollower.FiberEvent event) {
    Optional<Fiber> fiber = reconciliation.inventory().fibers().stream()
        .filter(f -> f.id().value().equals(event.fiber())).findFirst();
    if (fiber.isEmpty()) {
      return;
    }
    lastFaultSeq = follower.last();
    Instant at = event.at();
    OpticalEvent e = event.down()
        ? new OpticalEvent.FiberFailed(fiber.get().id(), at,
            event.servicesDown().stream().map(LightpathId::of).toList())
        : new OpticalEvent.FiberRepaired(fiber.get().id(), at);
    listeners.forEach(l -> l.onEvent(e));
  }

  /** One reading of the controller: its fibres first, then the lightpaths over them. */
  private LightpathStore.Snapshot read() {
    RoadmLinks links = client.roadmLinks();
    Topology topology = reconciliation.reconcile(links);
    LightpathMapper mapper = new LightpathMapper(topology, links);
    Map<String, PathDirection> paths = client.servicePaths();
    List<Lightpath> lightpaths = new ArrayList<>();
    List<Service> services = new ArrayList<>(client.services());
    services.addAll(client.tempServices());
    for (Service s : services) {
      PathDirection path = paths.get(s.name());
      if (path != null) {
        mapper.toLightpath(s, path).ifPresent(lightpaths::add);
      }
    }
    return new LightpathStore.Snapshot(links, topology, lightpaths);
  }

  /** The inventory's fibre on a ROADM-TO-ROADM link's degrees (for the NBI fault reader). */
  private Optional<String> fiberOfLink(String linkId) {
    return OpenRoadmNames.parseRoadmToRoadm(linkId)
        .flatMap(ends -> FiberReconciliation.fiberOn(reconciliation.inventory(), ends[0],
            ends[1]))
        .map(f -> f.id().value());
  }

  private Transponder free(SiteId site, TransponderClass kind, Set<TransponderId> used) {
    return reconciliation.inventory().transponders(site, kind).stream()
        .filter(t -> !used.contains(t.id()))
        .findFirst().orElseThrow(() -> new LightpathSetupException(client.peer(),
            "no free " + kind + " at " + site + " for a temp-service", false));
  }

  private static RestorationResult.Cause cause(String message) {
    return switch (message) {
      case "No frequencies available." -> RestorationResult.Cause.NO_FREE_SPECTRUM;
      case "No path found by PCE" -> RestorationResult.Cause.NO_PATH_EXISTS;
      default -> message.startsWith("Service '") ? RestorationResult.Cause.SETUP_FAILED
          : RestorationResult.Cause.NO_PATH_EXISTS;
    };
  }
}
