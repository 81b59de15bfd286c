package org.ferry.optical.emulator;

import static org.ferry.optical.pce.OpenRoadmNames.degreeCtp;
import static org.ferry.optical.pce.OpenRoadmNames.degreeTtp;
import static org.ferry.optical.pce.OpenRoadmNames.linkId;
import static org.ferry.optical.pce.OpenRoadmNames.srgCp;
import static org.ferry.optical.pce.OpenRoadmNames.srgNode;
import static org.ferry.optical.pce.OpenRoadmNames.srgPp;
import static org.ferry.optical.pce.OpenRoadmNames.xponderNode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.PceResult;
import org.ferry.optical.pce.SpectrumAssignment;

/**
 * OpenROADM path-descriptions as TransportPCE's PCE writes them: per direction the channel
 * (wavelength number, frequencies, width, modulation) and the hops, numbered from 0. A direction
 * starts with the client TP of the first xponder; then each openroadm-topology link crossed
 * gives its source node, source TP, the link and its destination TP; the last destination node
 * follows, then the client TP of the far xponder. The links are XPONDER-OUTPUT into an SRG's PP,
 * ADD-LINK to a degree, ROADM-TO-ROADM between degrees' TTPs, EXPRESS-LINK through a transit
 * ROADM, DROP-LINK into the far SRG and XPONDER-INPUT to the far xponder's network TP.
 */
final class PathDescriptions {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private PathDescriptions() {}

  /**
   * Both directions of a path.
   *
   * @param a the ports held at the A-end xponder
   * @param z the ports held at the Z end
   * @param failedSpans spans down, whose ROADM-TO-ROADM hops are outOfService
   */
  static ObjectNode of(OpticalNetwork network, PceResult.Path path, XponderPorts.Pair a,
      XponderPorts.Pair z, Set<String> failedSpans) {
    ObjectNode description = JSON.objectNode();
    OpticalNetwork.Xponder ax = network.xponder(path.aXponder()).orElseThrow();
    OpticalNetwork.Xponder zx = network.xponder(path.zXponder()).orElseThrow();
    direction(description.putObject("aToZ-direction"), "aToZ", path.block());
    new Walk((ArrayNode) description.get("aToZ-direction").get("aToZ"), network, failedSpans)
        .across(ax, a, zx, z, path.roadms(), path.spans());
    direction(description.putObject("zToA-direction"), "zToA", path.block());
    new Walk((ArrayNode) description.get("zToA-direction").get("zToA"), network, failedSpans)
        .across(zx, z, ax, a, path.roadms().reversed(), path.spans().reversed());
    return description;
  }

  private static void direction(ObjectNode dir, String prefix, SpectrumAssignment block) {
    dir.put(prefix + "-wavelength-number", block.wavelengthNumber());
    dir.put("rate", 100);
    dir.put(prefix + "-min-frequency", block.minFrequencyThz());
    dir.put(prefix + "-max-frequency", block.maxFrequencyThz());
    dir.put("central-frequency", block.centreFrequencyThz());
    dir.put("width", block.widthGhz());
    dir.put("modulation-format", block.highSlot() - block.lowSlot() + 1 > 8 ? "dp-qam16"
        : "dp-qpsk");
    dir.put("min-trib-slot", "1.1").put("max-trib-slot", "1.20");
    dir.putArray(prefix);
  }

  /** Writes the hops of one direction, numbering them. */
  private static final class Walk {
    private final ArrayNode hops;
    private final OpticalNetwork network;
    private final Set<String> failedSpans;
    private int next;

    Walk(ArrayNode hops, OpticalNetwork network, Set<String> failedSpans) {
      this.hops = hops;
      this.network = network;
      this.failedSpans = failedSpans;
    }

    void across(OpticalNetwork.Xponder from, XponderPorts.Pair fromPorts,
        OpticalNetwork.Xponder to, XponderPorts.Pair toPorts, List<String> roadms,
        List<String> spans) {
      String fromNode = xponderNode(from.id());
      String addSrg = srgNode(from.roadm(), from.srg());
      String addPp = srgPp(from.srg(), network.addDropPort(from, fromPorts.network()));
      tp(fromNode, fromPorts.clientTp());
      link(fromNode, fromPorts.networkTp(), addSrg, addPp, null);
      String node = addSrg;
      String out = srgCp(from.srg());
      for (int i = 0; i < spans.size(); i++) {
        OpticalNetwork.Span span = network.fiber(spans.get(i)).orElseThrow();
        OpticalNetwork.End here = span.endAt(roadms.get(i));
        OpticalNetwork.End there = span.endAt(roadms.get(i + 1));
        // ADD-LINK from the SRG on the first ROADM, EXPRESS-LINK between degrees on the others
        link(node, out, here.degreeNode(), degreeCtp(here.degree()), null);
        link(here.degreeNode(), degreeTtp(here.degree()), there.degreeNode(),
            degreeTtp(there.degree()), span.id());
        node = there.degreeNode();
        out = degreeCtp(there.degree());
      }
      String dropSrg = srgNode(to.roadm(), to.srg());
      String dropPp = srgPp(to.srg(), network.addDropPort(to, toPorts.network()));
      link(node, out, dropSrg, srgCp(to.srg()), null);
      String toNode = xponderNode(to.id());
      link(dropSrg, dropPp, toNode, toPorts.networkTp(), null);
      node(toNode);
      tp(toNode, toPorts.clientTp());
    }

    /** A link's source node, source TP, the link and its destination TP. */
    private void link(String src, String srcTp, String dst, String dstTp, String span) {
      node(src);
      tp(src, srcTp);
      ObjectNode resource = hop();
      resource.put("link-id", linkId(src, srcTp, dst, dstTp));
      resource.put("state", span != null && failedSpans.contains(span) ? "outOfService"
          : "inService");
      tp(dst, dstTp);
    }

    private void node(String id) {
      hop().put("node-id", id).put("state", "inService");
    }

    private void tp(String node, String tp) {
      hop().put("tp-node-id", node).put("tp-id", tp).put("state", "inService");
    }

    private ObjectNode hop() {
      ObjectNode hop = hops.addObject();
      hop.put("id", String.valueOf(next++));
      return hop.putObject("resource");
    }
  }
}
