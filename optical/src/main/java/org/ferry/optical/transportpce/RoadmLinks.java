package org.ferry.optical.transportpce;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ferry.model.unit.Distance;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork;

/**
 * The ROADM-TO-ROADM links of the controller's openroadm-topology (RFC 8345 with the OpenROADM
 * augmentations): what the controller says the fibres are, how long and in which state. Immutable.
 *
 * <p>A link's length is read as TransportPCE's PCE reads it: the {@code link-length} leaf, else
 * the sum of the {@code SRLG-length}s of {@code OMS-attributes/span/link-concatenation}; both in
 * metres.
 */
final class RoadmLinks {

  /** What {@code GET ietf-network:networks/network=openroadm-topology} is read from. */
  static final String PATH = "ietf-network:networks/network=openroadm-topology";

  private static final String CN = "org-openroadm-common-network:";
  private static final String NT = "org-openroadm-network-topology:";

  private final Map<String, RoadmLink> byId;

  private RoadmLinks(List<RoadmLink> links) {
    this.byId = links.stream().collect(Collectors.toUnmodifiableMap(RoadmLink::id,
        Function.identity(), (x, y) -> x));
  }

  static RoadmLinks of(List<RoadmLink> links) {
    return new RoadmLinks(links);
  }

  /**
   * Reads the links out of a reply to {@link #PATH}; links of other types, and ROADM-TO-ROADM
   * links whose id is not in TransportPCE's form, are skipped.
   *
   * @param doc the reply, or empty when the controller holds no openroadm-topology
   */
  static RoadmLinks of(Optional<JsonNode> doc) {
    List<RoadmLink> links = new ArrayList<>();
    doc.ifPresent(d -> {
      for (JsonNode link : d.path("ietf-network:network").path(0)
          .path("ietf-network-topology:link")) {
        if (!link.path(CN + "link-type").asText().equals("ROADM-TO-ROADM")) {
          continue;
        }
        String id = link.path("link-id").asText();
        OpenRoadmNames.parseRoadmToRoadm(id).ifPresent(ends -> links.add(new RoadmLink(id,
            ends[0], ends[1], length(link),
            !link.path(CN + "operational-state").asText().equals("outOfService"))));
      }
    });
    return new RoadmLinks(links);
  }

  List<RoadmLink> all() {
    return List.copyOf(byId.values());
  }

  Optional<RoadmLink> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The link from {@code x} to {@code y}, else the one back from {@code y} to {@code x}. */
  Optional<RoadmLink> between(OpticalNetwork.End x, OpticalNetwork.End y) {
    RoadmLink back = null;
    for (RoadmLink link : byId.values()) {
      if (link.from().equals(x) && link.to().equals(y)) {
        return Optional.of(link);
      }
      if (link.joins(x, y)) {
        back = link;
      }
    }
    return Optional.ofNullable(back);
  }

  private static Optional<Distance> length(JsonNode link) {
    Optional<JsonNode> leaf = field(link, "link-length");
    if (leaf.isPresent() && leaf.get().isNumber()) {
      return Optional.of(Distance.ofMetres(leaf.get().asDouble()));
    }
    JsonNode concatenation = link.path(NT + "OMS-attributes").path("span")
        .path("link-concatenation");
    double metres = 0;
    boolean any = false;
    for (JsonNode piece : concatenation) {
      if (piece.path("SRLG-length").isNumber()) {
        metres += piece.path("SRLG-length").asDouble();
        any = true;
      }
    }
    return any ? Optional.of(Distance.ofMetres(metres)) : Optional.empty();
  }

  /** A leaf by its local name, whatever module prefixes it (TransportPCE's releases differ). */
  private static Optional<JsonNode> field(JsonNode node, String localName) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getKey();
      if (name.equals(localName) || name.endsWith(":" + localName)) {
        return Optional.of(e.getValue());
      }
    }
    return Optional.empty();
  }
}
