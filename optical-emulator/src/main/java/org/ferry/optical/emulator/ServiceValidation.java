package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * TransportPCE's service-handler checks, in its order and with its messages
 * ({@code ServiceCreateValidation}, {@code ServicehandlerComplianceCheck},
 * {@code ServicehandlerTxRxCheck}). The first failing check wins.
 */
final class ServiceValidation {

  /** rpc-action values and the Java enum names TransportPCE quotes in its messages. */
  private static final Map<String, String> ACTIONS = Map.ofEntries(
      Map.entry("service-create", "ServiceCreate"),
      Map.entry("service-delete", "ServiceDelete"),
      Map.entry("temp-service-create", "TempServiceCreate"),
      Map.entry("temp-service-delete", "TempServiceDelete"),
      Map.entry("service-feasibility-check", "ServiceFeasibilityCheck"),
      Map.entry("service-reroute", "ServiceReroute"),
      Map.entry("service-restoration", "ServiceRestoration"),
      Map.entry("service-reconfigure", "ServiceReconfigure"),
      Map.entry("service-roll", "ServiceRoll"),
      Map.entry("service-reversion", "ServiceReversion"),
      Map.entry("service-reroute-confirm", "ServiceRerouteConfirm"));

  private static final Set<String> CONNECTION_TYPES =
      Set.of("service", "infrastructure", "roadm-line", "optical-tunnel");
  private static final String RESILIENCY_PREFIX = "org-openroadm-common-service-types:";

  private ServiceValidation() {}

  /** The Java enum name of an rpc-action, or a 400 if the value is not in the YANG enum. */
  static String actionName(String rpcAction) {
    String name = ACTIONS.get(rpcAction);
    if (name == null) {
      throw new RestconfException(400, "application", "invalid-value",
          "Invalid value '" + rpcAction + "' for rpc-action; expected one of "
              + ACTIONS.keySet().stream().sorted().toList());
    }
    return name;
  }

  /**
   * Checks an input.
   *
   * @param expectedAction the rpc-action the RPC requires, e.g. "service-create"
   * @param temp true for temp-service-create, which is keyed by common-id
   * @return TransportPCE's message for the first check that fails, or empty
   */
  static Optional<String> check(ServiceInput in, String expectedAction, boolean temp) {
    Optional<String> key = temp ? in.commonId() : in.serviceName();
    if (key.isEmpty() || key.get().isEmpty()) {
      return Optional.of("Service Name (common-id for Temp service) is not set");
    }
    if (in.connectionType().isEmpty()) {
      return Optional.of("Service ConnectionType is not set");
    }
    if (!CONNECTION_TYPES.contains(in.connectionType().get())) {
      throw new RestconfException(400, "application", "invalid-value", "Invalid value '"
          + in.connectionType().get() + "' for connection-type; expected one of "
          + CONNECTION_TYPES.stream().sorted().toList());
    }
    if (in.header().isEmpty()) {
      return Optional.of("Service sdncRequestHeader is not set");
    }
    if (in.requestId().isEmpty() || in.requestId().get().isEmpty()) {
      return Optional.of("Service sdncRequestHeader 'request-id' is not set");
    }
    if (in.rpcAction().isEmpty()) {
      return Optional.of("Service sdncRequestHeader 'rpc-action' is not set");
    }
    String given = actionName(in.rpcAction().get());
    String expected = actionName(expectedAction);
    if (!given.equals(expected)) {
      return Optional.of("Service sdncRequestHeader rpc-action '" + given + "' not equal to '"
          + expected + "'");
    }
    for (String side : List.of("SERVICEAEND", "SERVICEZEND")) {
      Optional<ServiceInput.End> end = side.equals("SERVICEAEND") ? in.aEnd() : in.zEnd();
      Optional<String> problem = checkEnd(side, end);
      if (problem.isPresent()) {
        return problem;
      }
    }
    if (in.commonId().isPresent() && in.hard().isPresent() && in.softPresent()) {
      // TransportPCE's coherency check is a stub that always fails (CheckCoherencyHardSoft).
      return Optional.of("hard/soft constraints are not coherent !");
    }
    return in.resiliency().flatMap(ServiceValidation::checkResiliency);
  }

  private static Optional<String> checkEnd(String side, Optional<ServiceInput.End> end) {
    if (end.isEmpty()) {
      return Optional.of("Service " + side + " is not set");
    }
    ServiceInput.End e = end.get();
    if (e.rate().isEmpty()) {
      return Optional.of("Something wrong when accessing Service " + side
          + " rate, format or clli");
    }
    if (e.rate().get() <= 0) {
      return Optional.of("Service " + side + " rate is not set");
    }
    if (e.format().isEmpty()) {
      return Optional.of("Service " + side + " format is not set");
    }
    if (e.clli().isEmpty() || e.clli().get().isEmpty()) {
      return Optional.of("Service " + side + " clli is not set");
    }
    if (!e.txRxSet()) {
      return Optional.of("Service TxDirection or RxDirection is not correctly set");
    }
    return Optional.empty();
  }

  private static Optional<String> checkResiliency(JsonNode node) {
    JsonNode r = node.get("resiliency");
    if (r == null || r.isNull() || !r.isTextual()) {
      return Optional.of("Resiliency is null !");
    }
    String type = r.asText().replace(RESILIENCY_PREFIX, "");
    Set<String> allowed = switch (type) {
      case "unprotected", "unprotected-diversely-routed" -> Set.of();
      case "protected" -> Set.of("revertive", "wait-to-restore", "holdoff-time",
          "coupled-service");
      case "restorable", "external-trigger-restorable" -> Set.of("revertive", "wait-to-restore",
          "holdoff-time", "pre-calculated-backup-path-number");
      default -> null;
    };
    if (allowed == null) {
      return Optional.of("Resiliency unmanaged for compliance check !");
    }
    for (String attribute : List.of("revertive", "wait-to-restore", "holdoff-time",
        "pre-calculated-backup-path-number", "coupled-service")) {
      if (node.has(attribute) && !allowed.contains(attribute)) {
        return Optional.of("An attribute not dedicated for this type of resiliency was filled");
      }
    }
    return Optional.empty();
  }

  /** Whether the resiliency is restorable (the service handler reroutes it after a fault). */
  static boolean restorable(ServiceInput in) {
    return in.resiliency()
        .map(r -> r.path("resiliency").asText().replace(RESILIENCY_PREFIX, ""))
        .map(t -> t.equals("restorable") || t.equals("external-trigger-restorable"))
        .orElse(false);
  }
}
