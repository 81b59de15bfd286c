package org.ferry.optical.transportpce;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import org.ferry.optical.transportpce.OpenRoadmService.CreateInput;
import org.ferry.optical.transportpce.OpenRoadmService.PathDirection;
import org.ferry.optical.transportpce.OpenRoadmService.RequestHeader;
import org.ferry.optical.transportpce.OpenRoadmService.Response;
import org.ferry.optical.transportpce.OpenRoadmService.Service;
import org.ferry.seam.SouthboundException;

/**
 * TransportPCE's northbound API, typed: the service RPCs, the service and path lists, and
 * following a service to inService or to failure. Thread-safe.
 */
public final class TransportPceClient {

  private static final String SERVICE = "org-openroadm-service:";

  private final RestconfClient restconf;
  private final TransportPceSettings settings;

  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(TransportPceClient.class);

  /**
   * A client of the controller in the settings; warns (once per client) when it would send the
   * well-known admin/admin to a host that is not this machine.
   */
  public TransportPceClient(TransportPceSettings settings) {
    this.settings = settings;
    this.restconf = new RestconfClient(settings);
    if (settings.defaultCredentialsOffLoopback()) {
      log.warn("{}: using the default credentials admin/admin on a host that is not loopback;"
          + " set a password on the controller and give it with --optical-password-file or"
          + " --optical-password-env", restconf.peer());
    }
  }

  public String peer() {
    return restconf.peer();
  }

  RestconfClient restconf() {
    return restconf;
  }

  public TransportPceSettings settings() {
    return settings;
  }

  /** A fresh sdnc-request-header for an RPC. */
  public static RequestHeader header(String rpcAction) {
    return new RequestHeader(UUID.randomUUID().toString(), rpcAction, "ferry");
  }

  /** service-create; the reply says whether the request was accepted (not whether it worked). */
  public Response serviceCreate(CreateInput input) {
    return call("service-create", input);
  }

  /** temp-service-create, keyed by the input's common-id. */
  public Response tempServiceCreate(CreateInput input) {
    return call("temp-service-create", input);
  }

  public Response serviceDelete(String name) {
    return call("service-delete", new OpenRoadmService.DeleteInput(header("service-delete"),
        new OpenRoadmService.DeleteInfo(name, "no")));
  }

  public Response tempServiceDelete(String commonId) {
    return call("temp-service-delete", new OpenRoadmService.TempDeleteInput(commonId));
  }

  /** service-reroute: a path check only; "Path is calculated by PCE" when one exists. */
  public Response serviceReroute(String name) {
    return call("service-reroute", new OpenRoadmService.RerouteInput(header("service-reroute"),
        name, OpenRoadmService.Resiliency.RESTORABLE));
  }

  /** Every service (not temp-services); empty when there are none (409 data-missing). */
  public List<Service> services() {
    return list("org-openroadm-service:service-list", false);
  }

  public List<Service> tempServices() {
    return list("org-openroadm-service:temp-service-list", true);
  }

  /** One service or temp-service, or empty if it does not exist (now). */
  public Optional<Service> service(String name, boolean temp) {
    String list = temp ? "temp-service-list" : "service-list";
    return restconf.get(SERVICE + list + "/services=" + encode(name) + "?content=nonconfig")
        .map(doc -> doc.path(SERVICE + "services").path(0))
        .filter(JsonNode::isObject)
        .map(entry -> Service.of(entry, temp));
  }

  /** The A-to-Z direction of every service path, by service name. */
  public Map<String, PathDirection> servicePaths() {
    Map<String, PathDirection> paths = new java.util.HashMap<>();
    restconf.get("transportpce-service-path:service-path-list?content=nonconfig").ifPresent(
        doc -> doc.path("transportpce-service-path:service-path-list").path("service-paths")
            .forEach(p -> paths.put(p.path("service-path-name").asText(),
                PathDirection.of(p.path("path-description")))));
    return paths;
  }

  /** One service path, or empty. */
  public Optional<PathDirection> servicePath(String name) {
    return restconf.get("transportpce-service-path:service-path-list/service-paths="
            + encode(name) + "?content=nonconfig")
        .map(doc -> doc.path("transportpce-service-path:service-paths").path(0))
        .filter(JsonNode::isObject)
        .map(p -> PathDirection.of(p.path("path-description")));
  }

  /**
   * The ROADM-TO-ROADM links of openroadm-topology: the fibres as the controller holds them, with
   * their span lengths and states. Empty when the controller holds no such topology.
   */
  RoadmLinks roadmLinks() {
    return RoadmLinks.of(restconf.get(RoadmLinks.PATH));
  }

  /**
   * Waits until a service is inService.
   *
   * @param failure reports a failure TransportPCE published for it since the request, if any
   * @return the service, inService
   * @throws ServiceFailedException if TransportPCE reported that it failed
   * @throws SouthboundException (retriable) if it is not inService within the follow timeout
   */
  public Service follow(String name, boolean temp, Supplier<Optional<String>> failure) {
    long deadline = System.nanoTime() + settings.followTimeout().toNanos();
    String lastSeen = "absent";
    while (true) {
      Optional<Service> service = service(name, temp);
      if (service.isPresent() && service.get().inService()) {
        return service.get();
      }
      lastSeen = service.map(s -> s.operationalState()).orElse("absent");
      Optional<String> failed = failure.get();
      if (failed.isPresent() && service.isEmpty()) {
        throw new ServiceFailedException(peer(), name, failed.get());
      }
      if (System.nanoTime() > deadline) {
        throw new SouthboundException(peer(), (temp ? "temp-service '" : "service '") + name
            + "' did not reach inService within " + settings.followTimeout() + " (last seen: "
            + lastSeen + ")", true);
      }
      pause(settings.pollInterval());
    }
  }

  static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while following a service");
    }
  }

  private Response call(String rpc, Object input) {
    JsonNode output = restconf.rpc(SERVICE + rpc, input).orElseThrow(
        () -> new SouthboundException(peer(), rpc + " answered with no output", false));
    return Response.of(output);
  }

  private List<Service> list(String path, boolean temp) {
    List<Service> services = new ArrayList<>();
    restconf.get(path + "?content=nonconfig").ifPresent(doc -> doc.path(path).path("services")
        .forEach(entry -> services.add(Service.of(entry, temp))));
    return services;
  }

  private static String encode(String name) {
    return java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }
}
