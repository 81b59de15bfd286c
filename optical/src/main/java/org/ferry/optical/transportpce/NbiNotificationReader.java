package org.ferry.optical.transportpce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads TransportPCE's own notifications: the Kafka-backed
 * {@code nbi-notifications:get-notifications-process-service} and {@code -alarm-service} RPCs,
 * read as one consumer group so that each read returns only what is new. TransportPCE's alarms
 * name services, not fibres; when one says a service is out of service, the fibres down are read
 * from openroadm-topology (the ROADM-TO-ROADM links out of service) and reported as topology
 * notifications shaped as the emulator's stream, carrying the services that went down with them.
 */
final class NbiNotificationReader {

  private final RestconfClient restconf;
  private final Function<String, Optional<String>> fiberOfLink;
  private final Map<String, String> input;
  private Set<String> down;

  /**
   * @param fiberOfLink the fibre id of a ROADM-TO-ROADM link id, if the inventory knows it
   */
  NbiNotificationReader(RestconfClient restconf, Function<String, Optional<String>> fiberOfLink) {
    this.restconf = restconf;
    this.fiberOfLink = fiberOfLink;
    this.input = Map.of("connection-type", "service", "id-consumer", "ferry",
        "group-id", "ferry-" + UUID.randomUUID());
    this.down = fibresDown();
    read("process");
    read("alarm");
  }

  /** What is new since the last read, shaped as the emulator's stream (without seq). */
  List<ObjectNode> poll() {
    List<ObjectNode> found = new ArrayList<>(read("process"));
    List<ObjectNode> alarms = read("alarm");
    if (!alarms.isEmpty()) {
      Set<String> services = new LinkedHashSet<>();
      alarms.stream().filter(a -> a.path("operational-state").asText().equals("outOfService"))
          .forEach(a -> services.add(a.path("service-name").asText()));
      Set<String> now = fibresDown();
      for (String fiber : now) {
        if (!down.contains(fiber)) {
          found.add(topology(fiber, "outOfService", services));
        }
      }
      for (String fiber : down) {
        if (!now.contains(fiber)) {
          found.add(topology(fiber, "inService", Set.of()));
        }
      }
      down = now;
      found.addAll(alarms);
    }
    return found;
  }

  private ObjectNode topology(String fiber, String state, Set<String> services) {
    ObjectNode event = restconf.mapper().createObjectNode();
    event.put("topic", "topology");
    event.put("message", "Fiber " + fiber + " is now " + state);
    event.put("fiber", fiber);
    event.put("operational-state", state);
    event.put("published-at", Instant.now().toString());
    services.forEach(event.putArray("services-down")::add);
    return event;
  }

  private List<ObjectNode> read(String topic) {
    String rpc = "nbi-notifications:get-notifications-" + topic + "-service";
    List<ObjectNode> entries = new ArrayList<>();
    restconf.rpc(rpc, input).ifPresent(output -> output
        .path("notifications-" + topic + "-service").forEach(n -> {
          if (n.isObject()) {
            ObjectNode copy = ((ObjectNode) n).deepCopy();
            copy.put("topic", topic);
            entries.add(copy);
          }
        }));
    return entries;
  }

  private Set<String> fibresDown() {
    Set<String> fibres = new HashSet<>();
    RoadmLinks.of(restconf.get(RoadmLinks.PATH)).all().stream()
        .filter(link -> !link.inService())
        .forEach(link -> fiberOfLink.apply(link.id()).ifPresent(fibres::add));
    return fibres;
  }
}
