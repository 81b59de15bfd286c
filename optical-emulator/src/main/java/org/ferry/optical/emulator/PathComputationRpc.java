package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * transportpce-pce:path-computation-request: synchronous, validated with TransportPCE's PCE
 * messages, reserving nothing.
 */
final class PathComputationRpc {

  private static final String NOT_COMPLIANT = "Path not calculated, service not compliant : ";

  private final ServiceHandler handler;

  PathComputationRpc(ServiceHandler handler) {
    this.handler = handler;
  }

  ObjectNode call(JsonNode rawInput) {
    ServiceInput in = ServiceInput.parse(rawInput);
    Optional<String> requestId = InputReader.container(rawInput, "service-handler-header",
        "input").flatMap(h -> InputReader.string(h, "request-id", "input/service-handler-header"));
    if (in.serviceName().isEmpty() || in.serviceName().get().isEmpty()) {
      return Replies.pce("Path not calculated", NOT_COMPLIANT + "Service Name is not set",
          requestId, null);
    }
    if (requestId.isEmpty()) {
      return Replies.pce("Path not calculated",
          NOT_COMPLIANT + "ServiceHandlerHeader Request-ID  is not set", requestId, null);
    }
    ServiceHandler.PceOutcome outcome = handler.computeOnly(in);
    return Replies.pce(outcome.result().succeeded() ? "200" : "500",
        outcome.result().message(), requestId, outcome.pathDescription());
  }
}
