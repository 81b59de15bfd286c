package org.ferry.optical.transportpce;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The typed requests and replies of TransportPCE's northbound API (the OpenROADM service model,
 * org-openroadm-service, as TransportPCE implements it). Field names are the YANG leaf names.
 */
public final class OpenRoadmService {

  private OpenRoadmService() {}

  /** The sdnc-request-header every service RPC carries. */
  public record RequestHeader(
      @JsonProperty("request-id") String requestId,
      @JsonProperty("rpc-action") String rpcAction,
      @JsonProperty("request-system-id") String requestSystemId) {}

  /** A tx-direction or rx-direction entry; TransportPCE picks the ports when none are given. */
  public record Direction(@JsonProperty("index") int index) {}

  /** service-a-end or service-z-end. The rate goes out as a string, as TransportPCE's tests do. */
  public record Endpoint(
      @JsonProperty("service-rate") String serviceRate,
      @JsonProperty("service-format") String serviceFormat,
      @JsonProperty("clli") String clli,
      @JsonProperty("node-id") String nodeId,
      @JsonProperty("tx-direction") List<Direction> txDirection,
      @JsonProperty("rx-direction") List<Direction> rxDirection) {

    /** An Ethernet end at an xponder of a site, ports left to the PCE. */
    public static Endpoint ethernet(int rateGbps, String clli, String nodeId) {
      return new Endpoint(String.valueOf(rateGbps), "Ethernet", clli, nodeId,
          List.of(new Direction(0)), List.of(new Direction(0)));
    }
  }

  /** service-resiliency. */
  public record Resiliency(@JsonProperty("resiliency") String resiliency) {
    public static final Resiliency RESTORABLE =
        new Resiliency("org-openroadm-common-service-types:restorable");
    public static final Resiliency UNPROTECTED =
        new Resiliency("org-openroadm-common-service-types:unprotected");
  }

  /** The input of service-create and temp-service-create (keyed by common-id). */
  public record CreateInput(
      @JsonProperty("sdnc-request-header") RequestHeader header,
      @JsonProperty("service-name") String serviceName,
      @JsonProperty("common-id") String commonId,
      @JsonProperty("connection-type") String connectionType,
      @JsonProperty("service-a-end") Endpoint aEnd,
      @JsonProperty("service-z-end") Endpoint zEnd,
      @JsonProperty("hard-constraints") JsonNode hardConstraints,
      @JsonProperty("service-resiliency") Resiliency resiliency) {}

  /** service-delete-req-info. */
  public record DeleteInfo(
      @JsonProperty("service-name") String serviceName,
      @JsonProperty("tail-retention") String tailRetention) {}

  /** The input of service-delete. */
  public record DeleteInput(
      @JsonProperty("sdnc-request-header") RequestHeader header,
      @JsonProperty("service-delete-req-info") DeleteInfo info) {}

  /** The input of temp-service-delete. */
  public record TempDeleteInput(@JsonProperty("common-id") String commonId) {}

  /** The input of service-reroute. */
  public record RerouteInput(
      @JsonProperty("sdnc-request-header") RequestHeader header,
      @JsonProperty("service-name") String serviceName,
      @JsonProperty("service-resiliency") Resiliency resiliency) {}

  /**
   * configuration-response-common: TransportPCE's answer to a service RPC. Business failures
   * come with HTTP 200 and a response code other than "200".
   */
  public record Response(String ackFinalIndicator, String responseCode, String responseMessage,
      Optional<String> requestId) {

    static Response of(JsonNode output) {
      JsonNode c = output.path("configuration-response-common");
      return new Response(c.path("ack-final-indicator").asText(""),
          c.path("response-code").asText(""),
          c.path("response-message").asText(output.path("response-message").asText("")),
          Optional.ofNullable(c.get("request-id")).map(JsonNode::asText));
    }

    public boolean accepted() {
      return "200".equals(responseCode);
    }
  }

  /**
   * A service as the service-list (or temp-service-list) shows it.
   *
   * @param aNode the A end's node-id (an xponder)
   * @param aClli the A end's CLLI (a site)
   */
  public record Service(String name, String administrativeState, String operationalState,
      String connectionType, String aClli, String aNode, String zClli, String zNode,
      boolean restorable, boolean temp) {

    public Service {
      Objects.requireNonNull(name, "name");
    }

    static Service of(JsonNode entry, boolean temp) {
      String resiliency = entry.at("/service-resiliency/resiliency").asText("");
      return new Service(entry.path("service-name").asText(),
          entry.path("administrative-state").asText(""),
          entry.path("operational-state").asText(""),
          entry.path("connection-type").asText(""),
          entry.at("/service-a-end/clli").asText(), entry.at("/service-a-end/node-id").asText(),
          entry.at("/service-z-end/clli").asText(), entry.at("/service-z-end/node-id").asText(),
          resiliency.endsWith(":restorable") || resiliency.endsWith("external-trigger-restorable")
              || resiliency.equals("restorable"),
          temp);
    }

    public boolean inService() {
      return "inService".equals(operationalState);
    }
  }

  /**
   * The A-to-Z direction of a service path.
   *
   * @param centralFrequencyThz the channel's centre
   * @param widthGhz its width
   * @param linkIds the ids of the links crossed, in order
   * @param outOfServiceLinks those of them out of service
   */
  public record PathDirection(double centralFrequencyThz, double widthGhz, List<String> linkIds,
      List<String> outOfServiceLinks) {

    static PathDirection of(JsonNode description) {
      JsonNode dir = description.path("aToZ-direction");
      double centre = dir.has("central-frequency") ? dir.path("central-frequency").asDouble()
          : (dir.path("aToZ-min-frequency").asDouble() + dir.path("aToZ-max-frequency")
              .asDouble()) / 2;
      List<String> links = new java.util.ArrayList<>();
      List<String> down = new java.util.ArrayList<>();
      // hops are a YANG list keyed by id, "0", "1", ...: a server need not send them in order
      List<JsonNode> hops = new java.util.ArrayList<>();
      dir.path("aToZ").forEach(hops::add);
      hops.sort(java.util.Comparator.comparingLong(hop -> hopNumber(hop.path("id").asText())));
      for (JsonNode hop : hops) {
        JsonNode resource = hop.path("resource");
        if (resource.has("link-id")) {
          links.add(resource.path("link-id").asText());
          String state = resource.path("state").asText(hop.path("state").asText(""));
          if (state.equals("outOfService")) {
            down.add(resource.path("link-id").asText());
          }
        }
      }
      return new PathDirection(Math.round(centre * 1e5) / 1e5, dir.path("width").asDouble(),
          links, down);
    }

    /** A hop's number; one that is not a number keeps its place after the numbered ones. */
    private static long hopNumber(String id) {
      try {
        return Long.parseLong(id);
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
  }
}
