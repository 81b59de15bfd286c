package org.ferry.optical.emulator;

import static org.ferry.optical.emulator.InputReader.container;
import static org.ferry.optical.emulator.InputReader.list;
import static org.ferry.optical.emulator.InputReader.number;
import static org.ferry.optical.emulator.InputReader.string;
import static org.ferry.optical.emulator.InputReader.strings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.optical.pce.Constraints;
import org.ferry.optical.pce.PathRequest;

/**
 * The input of service-create, temp-service-create and service-feasibility-check, type-checked
 * but not yet validated (see {@link ServiceValidation}). Absent leaves are empty.
 *
 * @param raw the input as received, kept to create the service again on a reroute
 */
record ServiceInput(
    Optional<String> serviceName,
    Optional<String> commonId,
    Optional<String> connectionType,
    Optional<JsonNode> header,
    Optional<String> requestId,
    Optional<String> rpcAction,
    Optional<End> aEnd,
    Optional<End> zEnd,
    Optional<Constraints> hard,
    boolean softPresent,
    Optional<JsonNode> resiliency,
    PathRequest.Metric metric,
    JsonNode raw) {

  /**
   * One end of the service.
   *
   * @param portName the {@code port-name} of the first tx-direction entry, else of the first
   *     rx-direction entry: the xponder port asked for, empty to let the PCE pick a free one
   */
  record End(Optional<Double> rate, Optional<String> format, Optional<String> clli,
      Optional<String> nodeId, boolean txRxSet, Optional<String> portName) {}

  static ServiceInput parse(JsonNode input) {
    String p = "input";
    Optional<JsonNode> header = container(input, "sdnc-request-header", p);
    String hp = p + "/sdnc-request-header";
    Optional<JsonNode> hard = container(input, "hard-constraints", p);
    Optional<JsonNode> soft = container(input, "soft-constraints", p);
    Optional<JsonNode> resiliency = container(input, "service-resiliency", p);
    String metric = string(input, "pce-routing-metric", p).orElse("hop-count");
    return new ServiceInput(
        string(input, "service-name", p),
        string(input, "common-id", p),
        string(input, "connection-type", p),
        header,
        header.flatMap(h -> string(h, "request-id", hp)),
        header.flatMap(h -> string(h, "rpc-action", hp)),
        end(input, "service-a-end", p),
        end(input, "service-z-end", p),
        hard.map(h -> constraints(h, p + "/hard-constraints")),
        soft.isPresent(),
        resiliency,
        metric.equals("propagation-delay") ? PathRequest.Metric.PROPAGATION_DELAY
            : PathRequest.Metric.HOP_COUNT,
        input);
  }

  private static Optional<End> end(JsonNode input, String field, String path) {
    String ep = path + "/" + field;
    return container(input, field, path).map(e -> {
      List<JsonNode> tx = list(e, "tx-direction", ep).orElse(List.of());
      List<JsonNode> rx = list(e, "rx-direction", ep).orElse(List.of());
      Optional<String> port = portName(tx, ep + "/tx-direction")
          .or(() -> portName(rx, ep + "/rx-direction"));
      return new End(number(e, "service-rate", ep), string(e, "service-format", ep),
          string(e, "clli", ep), string(e, "node-id", ep), !tx.isEmpty() && !rx.isEmpty(), port);
    });
  }

  private static Optional<String> portName(List<JsonNode> direction, String path) {
    if (direction.isEmpty()) {
      return Optional.empty();
    }
    return container(direction.getFirst(), "port", path + "[0]")
        .flatMap(port -> string(port, "port-name", path + "[0]/port"))
        .filter(name -> !name.isBlank());
  }

  static Constraints constraints(JsonNode node, String path) {
    Optional<JsonNode> exclude = container(node, "exclude", path);
    Optional<JsonNode> include = container(node, "include", path);
    Optional<JsonNode> latency = container(node, "latency", path);
    String xp = path + "/exclude";
    List<Long> srlgs = new ArrayList<>();
    for (String s : exclude.map(e -> strings(e, "srlg-id", xp)).orElse(List.of())) {
      try {
        srlgs.add(Long.parseLong(s));
      } catch (NumberFormatException e) {
        throw new RestconfException(400, "application", "invalid-value",
            "Invalid value for " + xp + "/srlg-id: expected integers, got \"" + s + "\"");
      }
    }
    return new Constraints(
        exclude.map(e -> strings(e, "node-id", xp)).orElse(List.of()),
        srlgs,
        exclude.map(e -> strings(e, "site", xp)).orElse(List.of()),
        include.map(i -> strings(i, "node-id", path + "/include")).orElse(List.of()),
        latency.flatMap(l -> number(l, "max-latency", path + "/latency")));
  }

  /** The same input with its hard constraints dropped (TransportPCE's DowngradeConstraints). */
  ServiceInput withoutHardConstraints() {
    return new ServiceInput(serviceName, commonId, connectionType, header, requestId, rpcAction,
        aEnd, zEnd, Optional.empty(), softPresent || hard.isPresent(), resiliency, metric, raw);
  }

  /** The rate the PCE plans with, in Gbit/s (the A end's). */
  int rateGbps() {
    return aEnd.flatMap(End::rate).map(Double::intValue).orElse(100);
  }
}
