package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;
import org.ferry.optical.pce.OpticalNetwork;

/**
 * Fault injection and inspection: cut a fibre or set a degree port down, repair it, read the
 * spectrum in use. Served under {@code /ferry/admin/}; not part of TransportPCE's API.
 */
public final class AdminApi {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private final ServiceHandler handler;
  private final Notifications notifications;

  AdminApi(ServiceHandler handler, Notifications notifications) {
    this.handler = handler;
    this.notifications = notifications;
  }

  /**
   * Cuts a fibre: the services across it go out of service, restorable ones are rerouted.
   *
   * @return the services that went down
   * @throws IllegalArgumentException if the fibre is unknown
   */
  public List<String> cut(String fiber) {
    return handler.cut(span(fiber).id(), "fibre cut");
  }

  /** Repairs a fibre. */
  public void repair(String fiber) {
    handler.repair(span(fiber).id());
  }

  /** Slots in use per fibre. */
  public java.util.Map<String, Integer> usedSlots() {
    return handler.usedSlots();
  }

  ObjectNode act(String action, JsonNode body) {
    if (!body.isObject()) {
      throw RestconfException.badRequest("malformed-message", "the body must be a JSON object");
    }
    OpticalNetwork.Span span;
    String how;
    if (body.has("fiber")) {
      span = spanOrMissing(InputReader.string(body, "fiber", "admin").orElse(""));
      how = "fibre cut";
    } else if (body.has("node") && body.has("degree")) {
      String node = InputReader.string(body, "node", "admin").orElse("");
      int degree = InputReader.number(body, "degree", "admin").orElse(0d).intValue();
      span = handler.network().fiberAt(node, degree).orElseThrow(() -> new RestconfException(
          404, "application", "data-missing", "no fibre on " + node + " degree " + degree));
      how = "port " + node + "-DEG" + degree + " down";
    } else {
      throw RestconfException.badRequest("missing-element",
          "give {\"fiber\": ID} or {\"node\": ROADM, \"degree\": N}");
    }
    ObjectNode reply = JSON.objectNode();
    reply.put("fiber", span.id());
    reply.put("was-down", handler.failed(span.id()));
    switch (action) {
      case "cut", "port-down" -> reply.putArray("services-down").addAll(
          handler.cut(span.id(), how).stream().map(JSON::textNode).toList());
      case "repair", "port-up" -> handler.repair(span.id());
      default -> throw new RestconfException(404, "protocol", "unknown-element",
          "unknown admin action " + action + "; use cut, repair, port-down or port-up");
    }
    return reply;
  }

  ObjectNode spectrum() {
    ObjectNode reply = JSON.objectNode();
    ArrayNode fibers = reply.putArray("fibers");
    handler.availableMaps().forEach((fiber, map) -> fibers.addObject().put("fiber", fiber)
        .put("used-slots", handler.usedSlots().get(fiber))
        .put("freq-map", Base64.getEncoder().encodeToString(map)));
    return reply;
  }

  /** nbi-notifications get-notifications-*-service: Kafka-style reads per consumer group. */
  ObjectNode kafkaStyle(String rpc, JsonNode input) {
    boolean alarm = rpc.endsWith("alarm-service");
    String type = InputReader.string(input, "connection-type", "input").orElse("service");
    String group = InputReader.string(input, "group-id", "input").orElse("default");
    var entries = notifications.consume(group, alarm ? "alarm" : "process");
    if (entries.isEmpty()) {
      return null;
    }
    ObjectNode output = JSON.objectNode();
    ArrayNode list = output.putArray(alarm ? "notifications-alarm-service"
        : "notifications-process-service");
    entries.stream().filter(e -> type.equals(e.body().path("connection-type").asText(type)))
        .forEach(e -> list.add(e.body()));
    return Replies.wrap("nbi-notifications", output);
  }

  private OpticalNetwork.Span span(String fiber) {
    return handler.network().fiber(fiber).orElseThrow(() -> new IllegalArgumentException(
        "unknown fiber '" + fiber + "'; known fibers: "
            + handler.network().fibers().stream().map(OpticalNetwork.Span::id).toList()));
  }

  private OpticalNetwork.Span spanOrMissing(String fiber) {
    try {
      return span(fiber);
    } catch (IllegalArgumentException e) {
      throw new RestconfException(404, "application", "data-missing", e.getMessage());
    }
  }
}
