package org.ferry.optical.transportpce;

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
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork;
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
 * emulator alike. Lightpaths are TransportPCE services and temp-services; their routes come from
 * the service paths, mapped to Ferry's fibres through the inventory ({@link OpenRoadmNames}: a
 * ROADM-TO-ROADM link joins two degrees, and the inventory's fibre on those degrees is the one).
 * Faults arrive through the controller's notification stream.
 *
 * <p>Thread-safe. Calls block in real time; {@link #close()} stops following notifications.
 */
public final class TransportPceOpticalController implements OpticalController, AutoCloseable {

  private final TransportPceClient client;
  private final Topology inventory;
  private final List<OpticalListener> listeners = new CopyOnWriteArrayList<>();
  private final NotificationFollower follower;
  private volatile long lastFaultSeq;

  /**
   * Connects and starts following notifications.
   *
   * @param settings where the controller is
   * @param inventory the network as Ferry knows it: sites, xponders (node-ids), fibres
   * @throws SouthboundException if the controller cannot be reached
   */
  public TransportPceOpticalController(TransportPceSettings settings, Topology inventory) {
    this.client = new TransportPceClient(settings);
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.follower = new NotificationFollower(client.restconf(), settings.notifications(),
        this::fiberOfLink, this::onFiber);
  }

  /** The typed client underneath. */
  public TransportPceClient client() {
    return client;
  }

  @Override
  public Topology topology() {
    return inventory;
  }

  @Override
  public List<Lightpath> lightpaths() {
    Map<String, PathDirection> paths = client.servicePaths();
    List<Lightpath> lightpaths = new ArrayList<>();
    List<Service> services = new ArrayList<>(client.services());
    services.addAll(client.tempServices());
    for (Service s : services) {
      PathDirection path = paths.get(s.name());
      if (path != null) {
        toLightpath(s, path).ifPresent(lightpaths::add);
      }
    }
    return lightpaths;
  }

  @Override
  public Optional<Lightpath> lightpath(LightpathId id) {
    Optional<Service> service = client.service(id.value(), false)
        .or(() -> client.service(id.value(), true));
    return service.flatMap(s -> client.servicePath(s.name()).flatMap(p -> toLightpath(s, p)));
  }

  @Override
  public RestorationResult restore(LightpathId id) {
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
    if (!reply.accepted()) {
      throw new LightpathSetupException(client.peer(), "temp-service '" + name
          + "' was refused: TransportPCE answered " + reply.responseCode() + " '"
          + reply.responseMessage() + "'", false);
    }
    try {
      Service s = client.follow(name, true, () -> follower.failureSince(name, since));
      return client.servicePath(name).flatMap(p -> toLightpath(s, p)).orElseThrow(
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
    if (!reply.accepted()) {
      return; // "does not exist in datastore": gone already
    }
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
    Optional<Fiber> fiber = inventory.fibers().stream()
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

  private Optional<Lightpath> toLightpath(Service s, PathDirection path) {
    Optional<Transponder> a = xponder(s.aNode());
    Optional<Transponder> z = xponder(s.zNode());
    if (a.isEmpty() || z.isEmpty()) {
      return Optional.empty();
    }
    List<NodeId> roadms = new ArrayList<>(List.of(a.get().roadm()));
    List<FiberId> fibers = new ArrayList<>();
    double km = 0;
    for (String link : path.linkIds()) {
      Optional<OpticalNetwork.End[]> ends = OpenRoadmNames.parseRoadmToRoadm(link);
      if (ends.isEmpty()) {
        continue;
      }
      Fiber fiber = fiberBetween(ends.get()[0], ends.get()[1]).orElse(null);
      if (fiber == null) {
        return Optional.empty();
      }
      fibers.add(fiber.id());
      roadms.add(fiber.otherEnd(roadms.getLast()));
      km += fiber.length().kilometres();
    }
    Route route = new Route(roadms, fibers, Distance.ofKilometres(km));
    LightpathState state = s.inService() ? LightpathState.IN_SERVICE
        : LightpathState.OUT_OF_SERVICE;
    return Optional.of(new Lightpath(LightpathId.of(s.name()), a.get().kind(),
        new Lightpath.End(a.get().site(), a.get().id()),
        new Lightpath.End(z.get().site(), z.get().id()), route,
        new Frequency(path.centralFrequencyThz()), state, s.temp()));
  }

  private Optional<String> fiberOfLink(String linkId) {
    return OpenRoadmNames.parseRoadmToRoadm(linkId)
        .flatMap(ends -> fiberBetween(ends[0], ends[1])).map(f -> f.id().value());
  }

  private Optional<Fiber> fiberBetween(OpticalNetwork.End x, OpticalNetwork.End y) {
    return inventory.fibers().stream().filter(f -> matches(f, x, y) || matches(f, y, x))
        .findFirst();
  }

  private static boolean matches(Fiber f, OpticalNetwork.End x, OpticalNetwork.End y) {
    return f.a().roadm().value().equals(x.roadm()) && f.a().number() == x.degree()
        && f.z().roadm().value().equals(y.roadm()) && f.z().number() == y.degree();
  }

  private Optional<Transponder> xponder(String nodeId) {
    return inventory.transponders().stream().filter(t -> t.id().value().equals(nodeId))
        .findFirst();
  }

  private Transponder free(SiteId site, TransponderClass kind, Set<TransponderId> used) {
    return inventory.transponders(site, kind).stream().filter(t -> !used.contains(t.id()))
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
