package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.ferry.optical.pce.OpticalNetwork;

/** The RPC outputs, shaped as TransportPCE's. */
final class Replies {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private Replies() {}

  /** {@code {"<module>:output": output}}. */
  static ObjectNode wrap(String module, ObjectNode output) {
    ObjectNode reply = JSON.objectNode();
    reply.set(module + ":output", output);
    return reply;
  }

  /** An org-openroadm-service output holding only configuration-response-common. */
  static ObjectNode common(String ack, String code, String message, Optional<String> requestId) {
    ObjectNode output = JSON.objectNode();
    output.set("configuration-response-common", response(ack, code, message, requestId));
    return wrap("org-openroadm-service", output);
  }

  /** A transportpce-pce path-computation-request output. */
  static ObjectNode pce(String code, String message, Optional<String> requestId,
      ObjectNode pathDescription) {
    ObjectNode output = JSON.objectNode();
    output.set("configuration-response-common", response("Yes", code, message, requestId));
    if (pathDescription != null) {
      output.putObject("response-parameters").set("path-description", pathDescription);
    }
    return wrap("transportpce-pce", output);
  }

  private static ObjectNode response(String ack, String code, String message,
      Optional<String> requestId) {
    ObjectNode common = JSON.objectNode();
    common.put("ack-final-indicator", ack);
    common.put("response-code", code);
    common.put("response-message", message);
    requestId.ifPresent(id -> common.put("request-id", id));
    return common;
  }

  /** The create input of a service brought up at start-up: Ethernet at the xponders' rate. */
  static JsonNode startupInput(OpticalNetwork network, String name, String a, String z,
      boolean restorable) {
    ObjectNode input = JSON.objectNode();
    input.putObject("sdnc-request-header").put("request-id", "startup-" + name)
        .put("rpc-action", "service-create").put("request-system-id", "ferry-emulator");
    input.put("service-name", name);
    input.put("connection-type", "service");
    input.set("service-a-end", end(network, a));
    input.set("service-z-end", end(network, z));
    input.putObject("service-resiliency").put("resiliency", "org-openroadm-common-service-types:"
        + (restorable ? "restorable" : "unprotected"));
    return input;
  }

  private static ObjectNode end(OpticalNetwork network, String xponderId) {
    OpticalNetwork.Xponder x = network.xponder(xponderId).orElseThrow(
        () -> new IllegalArgumentException("unknown xponder " + xponderId));
    ObjectNode end = JSON.objectNode();
    end.put("service-rate", String.valueOf(x.type().lineRateGbps()));
    end.put("service-format", "Ethernet");
    end.put("clli", x.site());
    end.put("node-id", x.id());
    end.putArray("tx-direction").addObject().put("index", 0);
    end.putArray("rx-direction").addObject().put("index", 0);
    return end;
  }
}
