package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** The RFC 8040 data resources the emulator serves under {@code /rests/data/}. */
final class DataPaths {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String SERVICES = "org-openroadm-service:service-list";
  private static final String TEMPS = "org-openroadm-service:temp-service-list";
  private static final String PATHS = "transportpce-service-path:service-path-list";
  private static final String NETWORKS = "ietf-network:networks";

  private DataPaths() {}

  /**
   * Reads one resource.
   *
   * @throws RestconfException 409 data-missing if it holds nothing
   */
  static JsonNode read(ServiceHandler handler, String path) {
    if (path.equals(SERVICES) || path.equals(TEMPS)) {
      List<ObjectNode> entries = handler.serviceEntries(path.equals(TEMPS));
      if (entries.isEmpty()) {
        throw RestconfException.dataMissing();
      }
      ObjectNode reply = JSON.objectNode();
      reply.putObject(path).putArray("services").addAll(entries);
      return reply;
    }
    for (String list : List.of(SERVICES, TEMPS)) {
      if (path.startsWith(list + "/services=")) {
        String name = path.substring((list + "/services=").length());
        ObjectNode entry = handler.serviceEntries(list.equals(TEMPS)).stream()
            .filter(e -> e.path("service-name").asText().equals(name)).findFirst()
            .orElseThrow(RestconfException::dataMissing);
        ObjectNode reply = JSON.objectNode();
        reply.putArray("org-openroadm-service:services").add(entry);
        return reply;
      }
    }
    if (path.equals(PATHS)) {
      List<ObjectNode> paths = handler.servicePaths();
      if (paths.isEmpty()) {
        throw RestconfException.dataMissing();
      }
      ObjectNode reply = JSON.objectNode();
      reply.putObject(PATHS).putArray("service-paths").addAll(paths);
      return reply;
    }
    if (path.startsWith(PATHS + "/service-paths=")) {
      ObjectNode entry = handler.servicePath(path.substring((PATHS + "/service-paths=").length()))
          .orElseThrow(RestconfException::dataMissing);
      ObjectNode reply = JSON.objectNode();
      reply.putArray("transportpce-service-path:service-paths").add(entry);
      return reply;
    }
    if (path.startsWith(NETWORKS + "/network=")) {
      String id = path.substring((NETWORKS + "/network=").length());
      if (!TopologyLayers.NAMES.contains(id)) {
        throw RestconfException.dataMissing();
      }
      return handler.topologyLayer(id);
    }
    if (path.equals(NETWORKS)) {
      ObjectNode reply = JSON.objectNode();
      ArrayNode networks = reply.putObject(NETWORKS).putArray("network");
      for (String id : List.of("clli-network", "openroadm-network", "openroadm-topology",
          "otn-topology")) {
        networks.add(handler.topologyLayer(id).get("ietf-network:network").get(0));
      }
      return reply;
    }
    throw RestconfException.dataMissing();
  }
}
