package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.PceResult;
import org.ferry.optical.pce.Spectrum;

/**
 * The emulated service handler, PCE and renderer: the service RPCs and the lifecycle that
 * follows them in time. Every change of state happens under this object's lock, so that no
 * spectrum slot is ever given twice on a span, whatever the concurrency of requests.
 */
final class ServiceHandler {

  static final String IN_PROGRESS = "PCE calculation in progress";
  static final String IMPLEMENTED = "Service implemented !";
  static final String CREATE_FAILED = "ServiceCreate request failed ...";
  static final String PCE_FAILED = "PCE path computation failed !";
  static final String DELETED = "Service deleted !";
  static final String NOW_OUT = "The service is now outOfService";
  static final String NOW_IN = "The service is now inService";

  private final OpticalNetwork network;
  private final Spectrum spectrum;
  private final Timings timings;
  private final Notifications notifications;
  private final ScheduledExecutorService scheduler;
  private final Map<String, EmulatedService> services = new LinkedHashMap<>();
  private final Map<String, EmulatedService> temps = new LinkedHashMap<>();
  private final Set<String> pending = new HashSet<>();
  private final Set<String> failedSpans = new HashSet<>();
  private final XponderPorts ports = new XponderPorts();
  private final ServiceRouting routing;

  ServiceHandler(OpticalNetwork network, Timings timings, Notifications notifications,
      ScheduledExecutorService scheduler) {
    this.network = network;
    this.routing = new ServiceRouting(network, ports);
    this.spectrum = new Spectrum(network.fibers().stream().map(OpticalNetwork.Span::id).toList());
    this.timings = timings;
    this.notifications = notifications;
    this.scheduler = scheduler;
  }

  OpticalNetwork network() {
    return network;
  }

  // ---- RPCs ----

  /** service-create or temp-service-create. */
  synchronized ObjectNode create(JsonNode rawInput, boolean temp) {
    ServiceInput in = ServiceInput.parse(rawInput);
    String action = temp ? "temp-service-create" : "service-create";
    Optional<String> problem = ServiceValidation.check(in, action, temp);
    if (problem.isPresent()) {
      return Replies.common("Yes", "500", problem.get(), in.requestId());
    }
    String name = temp ? in.commonId().orElseThrow() : in.serviceName().orElseThrow();
    Map<String, EmulatedService> list = temp ? temps : services;
    if (list.containsKey(name) || pending.contains(key(name, temp))) {
      String shown = temp ? "Temp (" + name + ")" : name;
      return Replies.common("Yes", "500", "Service '" + shown + "' already exists in datastore",
          in.requestId());
    }
    pending.add(key(name, temp));
    later(timings.pce(), () -> computeAndStore(name, in, temp, true));
    return Replies.common("No", "200", IN_PROGRESS, in.requestId());
  }

  /** service-feasibility-check: validated like a create; the result is never exposed. */
  synchronized ObjectNode feasibilityCheck(JsonNode rawInput) {
    ServiceInput in = ServiceInput.parse(rawInput);
    Optional<String> problem = ServiceValidation.check(in, "service-feasibility-check", false);
    return problem.map(p -> Replies.common("Yes", "500", p, in.requestId()))
        .orElseGet(() -> Replies.common("No", "200", IN_PROGRESS, in.requestId()));
  }

  /** service-delete. */
  synchronized ObjectNode delete(JsonNode input) {
    JsonNode header = InputReader.container(input, "sdnc-request-header", "input").orElse(null);
    Optional<String> requestId = InputReader.string(header, "request-id", "input/header");
    Optional<String> action = InputReader.string(header, "rpc-action", "input/header");
    Optional<String> name = InputReader.container(input, "service-delete-req-info", "input")
        .flatMap(i -> InputReader.string(i, "service-name", "input/service-delete-req-info"));
    if (header == null || action.isEmpty()
        || !ServiceValidation.actionName(action.get()).equals("ServiceDelete")
        || name.isEmpty() || name.get().isEmpty()) {
      return Replies.common("Yes", "500", "non-compliant service", requestId);
    }
    EmulatedService service = services.get(name.get());
    if (service == null || service.deleting) {
      return Replies.common("Yes", "500",
          "Service '" + name.get() + "' does not exist in datastore", requestId);
    }
    startDelete(service, false, false);
    return Replies.common("No", "200", "Renderer service delete in progress", requestId);
  }

  /** temp-service-delete. */
  synchronized ObjectNode tempDelete(JsonNode input) {
    Optional<String> id = InputReader.string(input, "common-id", "input");
    EmulatedService service = id.map(temps::get).orElse(null);
    if (service == null || service.deleting) {
      return Replies.common("Yes", "500",
          "Service '" + id.orElse("") + "' does not exist in datastore", Optional.empty());
    }
    startDelete(service, false, false);
    return Replies.common("No", "200", "Renderer temp-service delete in progress",
        Optional.empty());
  }

  /** service-reroute: a path check only, keeping the service's xponders; provisions nothing. */
  synchronized ObjectNode reroute(JsonNode input) {
    Optional<String> name = InputReader.string(input, "service-name", "input");
    Optional<String> requestId = InputReader.container(input, "sdnc-request-header", "input")
        .flatMap(h -> InputReader.string(h, "request-id", "input/sdnc-request-header"));
    EmulatedService service = name.map(services::get).orElse(null);
    if (service == null) {
      return Replies.common("Yes", "500",
          "Service '" + name.orElse("") + "' does not exist in datastore", requestId);
    }
    PceResult result = recompute(service);
    return Replies.common("Yes", result.succeeded() ? "200" : "500", result.message(), requestId);
  }

  /** service-restoration: delete, then create again with the hard constraints made soft. */
  synchronized ObjectNode restoration(JsonNode input) {
    Optional<String> name = InputReader.string(input, "service-name", "input");
    InputReader.string(input, "option", "input");
    EmulatedService service = name.map(services::get).orElse(null);
    ObjectNode output = JsonNodeFactory.instance.objectNode();
    if (service == null || service.deleting) {
      output.put("response-message",
          "Service '" + name.orElse("") + "' does not exist in datastore");
    } else if (service.inService()) {
      output.put("response-message", "Service '" + name.get() + "' is in 'inService' state");
    } else {
      startDelete(service, true, true);
      output.put("response-message", "Renderer service delete in progress");
    }
    return Replies.wrap("org-openroadm-service", output);
  }

  /**
   * Computes a path for an input against the spectrum in use, without reserving it.
   *
   * @return the result, and the path description when there is a path
   */
  synchronized PceOutcome computeOnly(ServiceInput in) {
    ServiceRouting.Routed routed = compute(in, Set.of());
    return new PceOutcome(routed.result(), routed.result().path()
        .map(p -> PathDescriptions.of(network, p, routed.a(), routed.z(), failedSpans))
        .orElse(null));
  }

  /** A PCE result with its path-description, or null when there is no path. */
  record PceOutcome(PceResult result, ObjectNode pathDescription) {}

  // ---- reads ----

  synchronized List<ObjectNode> serviceEntries(boolean temp) {
    List<ObjectNode> entries = new ArrayList<>();
    (temp ? temps : services).values().forEach(s -> entries.add(ServiceJson.service(s)));
    return entries;
  }

  synchronized Optional<ObjectNode> servicePath(String name) {
    return Optional.ofNullable(services.getOrDefault(name, temps.get(name)))
        .map(s -> ServiceJson.servicePath(network, s, failedSpans));
  }

  synchronized List<ObjectNode> servicePaths() {
    List<ObjectNode> paths = new ArrayList<>();
    services.values().forEach(s -> paths.add(ServiceJson.servicePath(network, s, failedSpans)));
    temps.values().forEach(s -> paths.add(ServiceJson.servicePath(network, s, failedSpans)));
    return paths;
  }

  synchronized ObjectNode topologyLayer(String network) {
    return TopologyLayers.layer(this.network, network, spectrum, failedSpans,
        this::networkPortWavelength);
  }

  /** The channel on an xponder's network TP, if a service holds it. */
  private Optional<org.ferry.optical.pce.SpectrumAssignment> networkPortWavelength(
      String xponder, String tp) {
    return ports.holder(xponder, tp).flatMap(holder -> all().stream()
        .filter(s -> s.portHolder().equals(holder)).findFirst()).map(s -> s.path.block());
  }

  synchronized Map<String, Integer> usedSlots() {
    Map<String, Integer> used = new LinkedHashMap<>();
    network.fibers().forEach(f -> used.put(f.id(), spectrum.usedSlots(f.id())));
    return used;
  }

  /** The occupied slots per span as free-bit maps, for tests and the admin endpoint. */
  synchronized Map<String, byte[]> availableMaps() {
    Map<String, byte[]> maps = new LinkedHashMap<>();
    network.fibers().forEach(f -> maps.put(f.id(), spectrum.availableMap(f.id())));
    return maps;
  }

  // ---- faults ----

  /** Whether a span is down. */
  synchronized boolean failed(String span) {
    return failedSpans.contains(span);
  }

  /** A span fails: services across it go out of service; restorable ones are rerouted. */
  synchronized List<String> cut(String span, String how) {
    if (!failedSpans.add(span)) {
      return List.of();
    }
    List<EmulatedService> down = new ArrayList<>();
    for (EmulatedService s : all()) {
      if (s.implemented && s.inService() && s.path.spans().contains(span)) {
        s.operState = "outOfService";
        down.add(s);
      }
    }
    ObjectNode event = Notifications.body("Fiber " + span + " is now outOfService (" + how + ")",
        null);
    event.put("fiber", span);
    event.put("operational-state", "outOfService");
    event.putArray("services-down").addAll(down.stream()
        .map(s -> JsonNodeFactory.instance.textNode(s.name)).toList());
    notifications.publish("topology", event);
    for (EmulatedService s : down) {
      publishState(s, NOW_OUT);
      if (s.restorable && !s.temp && "inService".equals(s.adminState)) {
        long holdoff = s.input.resiliency()
            .map(r -> r.path("holdoff-time").asLong(0)).orElse(0L);
        later(Duration.ofMillis(holdoff), () -> autonomousReroute(s));
      }
    }
    return down.stream().map(s -> s.name).toList();
  }

  /** A span works again: services whose whole path works are in service again. */
  synchronized void repair(String span) {
    if (!failedSpans.remove(span)) {
      return;
    }
    ObjectNode event = Notifications.body("Fiber " + span + " is now inService", null);
    event.put("fiber", span);
    event.put("operational-state", "inService");
    notifications.publish("topology", event);
    for (EmulatedService s : all()) {
      if (s.implemented && !s.deleting && !s.inService()
          && s.path.spans().stream().noneMatch(failedSpans::contains)) {
        s.operState = "inService";
        publishState(s, NOW_IN);
      }
    }
  }

  /**
   * Creates a service at start-up, in service at once, as if it had been set up before.
   *
   * @throws IllegalArgumentException if no path is free for it
   */
  synchronized void provision(String name, String a, String z, boolean restorable) {
    JsonNode input = Replies.startupInput(network, name, a, z, restorable);
    ServiceInput in = ServiceInput.parse(input);
    pending.add(key(name, false));
    EmulatedService s = computeAndStore(name, in, false, false);
    if (s == null) {
      throw new IllegalArgumentException("no path for start-up service " + name);
    }
    s.adminState = "inService";
    s.operState = "inService";
    s.implemented = true;
  }

  // ---- lifecycle ----

  private synchronized EmulatedService computeAndStore(
      String name, ServiceInput in, boolean temp, boolean render) {
    pending.remove(key(name, temp));
    ServiceRouting.Routed routed = compute(in, Set.of());
    PceResult result = routed.result();
    if (!result.succeeded()) {
      ObjectNode body = Notifications.body(CREATE_FAILED, name);
      body.put("response-failed", PCE_FAILED);
      body.put("operational-state", "degraded");
      body.put("pce-message", result.message());
      routed.refusal().ifPresent(why -> body.put("pce-detail", why));
      body.put("is-temp-service", temp);
      notifications.publish("process", body);
      return null;
    }
    PceResult.Path path = result.path().orElseThrow();
    spectrum.occupy(path.spans(), path.block());
    EmulatedService s = new EmulatedService(name, temp, in, path, routed.a(), routed.z(),
        ServiceValidation.restorable(in));
    ports.take(s.portHolder(), network.xponder(path.aXponder()).orElseThrow(), routed.a());
    ports.take(s.portHolder(), network.xponder(path.zXponder()).orElseThrow(), routed.z());
    (temp ? temps : services).put(name, s);
    if (render) {
      later(timings.setupFor(path), () -> implemented(s));
    }
    return s;
  }

  private synchronized void implemented(EmulatedService s) {
    if ((s.temp ? temps : services).get(s.name) != s || s.deleting) {
      return;
    }
    s.implemented = true;
    s.adminState = "inService";
    s.operState = s.path.spans().stream().anyMatch(failedSpans::contains)
        ? "outOfService" : "inService";
    ObjectNode body = Notifications.body(IMPLEMENTED, s.name);
    body.put("response-failed", "");
    body.put("operational-state", s.operState);
    body.put("is-temp-service", s.temp);
    notifications.publish("process", body);
  }

  private synchronized void autonomousReroute(EmulatedService s) {
    if (services.get(s.name) != s || s.deleting || s.inService()) {
      return;
    }
    if (recompute(s).succeeded()) {
      startDelete(s, true, false);
    }
  }

  /**
   * Deletes a service after the delete delay; then creates it again under the same name if asked
   * to, with its hard constraints made soft if {@code soften} (as service-restoration does).
   */
  private void startDelete(EmulatedService s, boolean recreate, boolean soften) {
    s.deleting = true;
    later(timings.delete(), () -> {
      synchronized (this) {
        Map<String, EmulatedService> list = s.temp ? temps : services;
        if (list.get(s.name) == s) {
          list.remove(s.name);
          spectrum.release(s.path.spans(), s.path.block());
          ports.release(s.portHolder());
        }
        notifications.publish("process", Notifications.body(DELETED, s.name));
        if (recreate && !services.containsKey(s.name)) {
          ServiceInput again = soften ? s.input.withoutHardConstraints() : s.input;
          pending.add(key(s.name, false));
          later(timings.pce(), () -> computeAndStore(s.name, again, false, true));
        }
      }
    });
  }

  private PceResult recompute(EmulatedService s) {
    spectrum.release(s.path.spans(), s.path.block());
    try {
      return compute(s.input, Set.of(s.portHolder())).result();
    } finally {
      spectrum.occupy(s.path.spans(), s.path.block());
    }
  }

  private ServiceRouting.Routed compute(ServiceInput in, Set<String> ignoring) {
    return routing.route(in, spectrum, failedSpans, ignoring);
  }

  private void publishState(EmulatedService s, String message) {
    ObjectNode body = Notifications.body(message, s.name);
    body.put("connection-type", s.connectionType());
    body.put("operational-state", s.operState);
    notifications.publish("alarm", body);
  }

  private List<EmulatedService> all() {
    List<EmulatedService> all = new ArrayList<>(services.values());
    all.addAll(temps.values());
    return all;
  }

  private void later(Duration delay, Runnable task) {
    scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private static String key(String name, boolean temp) {
    return (temp ? "temp/" : "service/") + name;
  }
}
