package org.ferry.optical.emulator;

import static org.ferry.optical.pce.OpenRoadmNames.linkId;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.PceResult;

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
    entry.set("path-description", pathDescription(network, s.path, failedSpans));
    return entry;
  }

  /** An OpenROADM path-description: both directions, with frequencies and resources. */
  static ObjectNode pathDescription(OpticalNetwork network, PceResult.Path path,
      Set<String> failedSpans) {
    ObjectNode description = JSON.objectNode();
    direction(description.putObject("aToZ-direction"), "aToZ", network, path, failedSpans,
        false);
    direction(description.putObject("zToA-direction"), "zToA", network, path, failedSpans,
        true);
    return description;
  }

  private static void direction(ObjectNode dir, String prefix, OpticalNetwork network,
      PceResult.Path path, Set<String> failedSpans, boolean reverse) {
    var block = path.block();
    dir.put(prefix + "-wavelength-number", block.wavelengthNumber());
    dir.put("rate", 100);
    dir.put(prefix + "-min-frequency", block.minFrequencyThz());
    dir.put(prefix + "-max-frequency", block.maxFrequencyThz());
    dir.put("central-frequency", block.centreFrequencyThz());
    dir.put("width", block.widthGhz());
    dir.put("modulation-format", block.highSlot() - block.lowSlot() + 1 > 8 ? "dp-qam16"
        : "dp-qpsk");
    dir.put("min-trib-slot", "1.1").put("max-trib-slot", "1.20");
    ArrayNode hops = dir.putArray(prefix);
    Walk walk = new Walk(hops, failedSpans);
    List<String> roadms = reverse ? path.roadms().reversed() : path.roadms();
    List<String> spans = reverse ? path.spans().reversed() : path.spans();
    OpticalNetwork.Xponder from = network.xponder(reverse ? path.zXponder() : path.aXponder())
        .orElseThrow();
    OpticalNetwork.Xponder to = network.xponder(reverse ? path.aXponder() : path.zXponder())
        .orElseThrow();
    String fromNode = OpenRoadmNames.xponderNode(from.id());
    String srg = OpenRoadmNames.srgNode(from.roadm(), from.srg());
    String pp = OpenRoadmNames.srgPp(from.srg(), 1);
    walk.tp(fromNode, OpenRoadmNames.NETWORK_TP);
    walk.link(linkId(fromNode, OpenRoadmNames.NETWORK_TP, srg, pp), null);
    walk.tp(srg, pp);
    String inNode = srg;
    String inTp = OpenRoadmNames.srgCp(from.srg());
    for (int i = 0; i < spans.size(); i++) {
      OpticalNetwork.Span span = network.fiber(spans.get(i)).orElseThrow();
      OpticalNetwork.End out = span.endAt(roadms.get(i));
      OpticalNetwork.End in = span.endAt(roadms.get(i + 1));
      walk.link(linkId(inNode, inTp, out.degreeNode(),
          OpenRoadmNames.degreeCtp(out.degree())), null);
      walk.tp(out.degreeNode(), OpenRoadmNames.degreeTtp(out.degree()));
      walk.link(OpenRoadmNames.roadmToRoadm(out, in), span.id());
      walk.tp(in.degreeNode(), OpenRoadmNames.degreeTtp(in.degree()));
      inNode = in.degreeNode();
      inTp = OpenRoadmNames.degreeCtp(in.degree());
    }
    String toSrg = OpenRoadmNames.srgNode(to.roadm(), to.srg());
    String toPp = OpenRoadmNames.srgPp(to.srg(), 1);
    walk.link(linkId(inNode, inTp, toSrg, OpenRoadmNames.srgCp(to.srg())), null);
    walk.tp(toSrg, toPp);
    String toNode = OpenRoadmNames.xponderNode(to.id());
    walk.link(linkId(toSrg, toPp, toNode, OpenRoadmNames.NETWORK_TP), null);
    walk.tp(toNode, OpenRoadmNames.NETWORK_TP);
  }

  /** Numbers the hops of one direction. */
  private static final class Walk {
    private final ArrayNode hops;
    private final Set<String> failedSpans;
    private int next;

    Walk(ArrayNode hops, Set<String> failedSpans) {
      this.hops = hops;
      this.failedSpans = failedSpans;
    }

    void tp(String node, String tp) {
      ObjectNode resource = hop();
      resource.put("tp-node-id", node);
      resource.put("tp-id", tp);
      resource.put("state", "inService");
    }

    void link(String id, String span) {
      ObjectNode resource = hop();
      resource.put("link-id", id);
      resource.put("state", span != null && failedSpans.contains(span) ? "outOfService"
          : "inService");
    }

    private ObjectNode hop() {
      ObjectNode hop = hops.addObject();
      hop.put("id", String.valueOf(next++));
      return hop.putObject("resource");
    }
  }
}
