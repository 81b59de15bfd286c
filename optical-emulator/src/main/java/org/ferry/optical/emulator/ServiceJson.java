package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork;

/** Services, service paths and path descriptions as TransportPCE lists them. */
final class ServiceJson {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private ServiceJson() {}

  /** One entry of the service-list (or temp-service-list). */
  static ObjectNode service(EmulatedService s) {
    ObjectNode entry = JSON.objectNode();
    JsonNode raw = s.input.raw();
    entry.put("service-name", s.name);
    s.input.commonId().ifPresent(id -> entry.put("common-id", id));
    entry.put("connection-type", s.connectionType());
    entry.put("administrative-state", s.adminState);
    entry.put("operational-state", s.operState);
    entry.put("lifecycle-state", "planned");
    for (String field : List.of("service-a-end", "service-z-end")) {
      ObjectNode end = raw.get(field).deepCopy();
      end.put("service-rate", end.path("service-rate").asLong());
      entry.set(field, end);
    }
    for (String field : List.of("sdnc-request-header", "hard-constraints", "soft-constraints",
        "service-resiliency", "due-date", "operator-contact")) {
      if (raw.has(field)) {
        entry.set(field, raw.get(field).deepCopy());
      }
    }
    entry.put("is-temp-service", s.temp);
    return entry;
  }

  /** One entry of the service-path-list. */
  static ObjectNode servicePath(OpticalNetwork network, EmulatedService s,
      Set<String> failedSpans) {
    ObjectNode entry = JSON.objectNode();
    entry.put("service-path-name", s.name);
    for (String field : List.of("service-a-end", "service-z-end")) {
      JsonNode in = s.input.raw().get(field);
      ObjectNode end = entry.putObject(field);
      end.put("service-format", in.path("service-format").asText());
      end.put("service-rate", in.path("service-rate").asLong());
      end.put("clli", in.path("clli").asText());
      end.put("node-id", in.path("node-id").asText());
    }
    entry.set("path-description", PathDescriptions.of(network, s.path, s.aPorts, s.zPorts,
        failedSpans));
    return entry;
  }
}
