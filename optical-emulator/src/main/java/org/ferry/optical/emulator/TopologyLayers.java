package org.ferry.optical.emulator;

import static org.ferry.optical.pce.OpenRoadmNames.clientTp;
import static org.ferry.optical.pce.OpenRoadmNames.degreeCtp;
import static org.ferry.optical.pce.OpenRoadmNames.degreeTtp;
import static org.ferry.optical.pce.OpenRoadmNames.linkId;
import static org.ferry.optical.pce.OpenRoadmNames.networkTp;
import static org.ferry.optical.pce.OpenRoadmNames.srgCp;
import static org.ferry.optical.pce.OpenRoadmNames.srgNode;
import static org.ferry.optical.pce.OpenRoadmNames.srgPp;
import static org.ferry.optical.pce.OpenRoadmNames.xponderNode;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.Spectrum;
import org.ferry.optical.pce.SpectrumAssignment;

/**
 * The four RFC 8345 networks TransportPCE exposes, with the OpenROADM augmentations Ferry reads:
 * clli-network (sites), openroadm-network (devices), openroadm-topology (degrees, SRGs, xponder
 * line sides and the links between them, with span lengths, states and spectrum) and
 * otn-topology (switchponders).
 */
final class TopologyLayers {

  static final Set<String> NAMES =
      Set.of("clli-network", "openroadm-network", "openroadm-topology", "otn-topology");
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String CN = "org-openroadm-common-network:";
  private static final String NT = "org-openroadm-network-topology:";

  private TopologyLayers() {}

  /** The channel on an xponder's network TP ({@code xponder id, tp id}), if one is set up. */
  interface Wavelengths {
    Optional<SpectrumAssignment> on(String xponder, String tp);
  }

  static ObjectNode layer(OpticalNetwork net, String name, Spectrum spectrum, Set<String> failed,
      Wavelengths wavelengths) {
    ObjectNode network = JSON.objectNode();
    network.put("network-id", name);
    ArrayNode nodes = network.putArray("node");
    switch (name) {
      case "clli-network" -> net.sites().forEach(site -> nodes.addObject()
          .put("node-id", site).put("org-openroadm-clli-network:clli", site));
      case "openroadm-network" -> {
        net.roadms().forEach(r -> device(nodes, r.id(), r.site(), "ROADM", r.device()));
        net.xponders().forEach(x -> device(nodes, x.id(), x.site(), "XPONDER", x.device()));
      }
      case "openroadm-topology" ->
          openroadmTopology(net, network, nodes, spectrum, failed, wavelengths);
      case "otn-topology" -> net.xponders().stream().filter(x -> x.type().switchponder())
          .forEach(x -> {
            ObjectNode node = node(nodes, xponderNode(x.id()), "SWITCH", x.id(), x.site());
            for (int n = 1; n <= x.networkPorts(); n++) {
              tp(node, networkTp(n), "XPONDER-NETWORK");
            }
            for (int c = 1; c <= x.clientPorts(); c++) {
              tp(node, clientTp(c), "XPONDER-CLIENT");
            }
          });
      default -> throw RestconfException.dataMissing();
    }
    ObjectNode reply = JSON.objectNode();
    reply.putArray("ietf-network:network").add(network);
    return reply;
  }

  private static void openroadmTopology(OpticalNetwork net, ObjectNode network, ArrayNode nodes,
      Spectrum spectrum, Set<String> failed, Wavelengths wavelengths) {
    ArrayNode links = network.putArray("ietf-network-topology:link");
    for (OpticalNetwork.Roadm r : net.roadms()) {
      for (int d = 1; d <= r.degrees(); d++) {
        ObjectNode deg = node(nodes, r.id() + "-DEG" + d, "DEGREE", r.id(), r.site());
        tp(deg, degreeTtp(d), "DEGREE-TXRX-TTP");
        tp(deg, degreeCtp(d), "DEGREE-TXRX-CTP");
        ObjectNode attributes = deg.putObject("org-openroadm-network-topology:degree-attributes");
        attributes.put("degree-number", d);
        byte[] map = net.fiberAt(r.id(), d).map(f -> spectrum.availableMap(f.id()))
            .orElseGet(() -> new Spectrum(Set.of("x")).availableMap("x"));
        attributes.putArray("avail-freq-maps").addObject().put("map-name", "cband")
            .put("start-edge-freq", Spectrum.BAND_START_THZ).put("freq-map-granularity", 6.25)
            .put("effective-bits", Spectrum.SLOTS)
            .put("freq-map", Base64.getEncoder().encodeToString(map));
        for (int e = 1; e <= r.degrees(); e++) {
          if (e != d) {
            link(links, r.id() + "-DEG" + d, degreeCtp(d), r.id() + "-DEG" + e, degreeCtp(e),
                "EXPRESS-LINK", "inService");
          }
        }
        for (int s = 1; s <= r.srgs(); s++) {
          link(links, srgNode(r.id(), s), srgCp(s), r.id() + "-DEG" + d, degreeCtp(d),
              "ADD-LINK", "inService");
          link(links, r.id() + "-DEG" + d, degreeCtp(d), srgNode(r.id(), s), srgCp(s),
              "DROP-LINK", "inService");
        }
      }
      for (int s = 1; s <= r.srgs(); s++) {
        ObjectNode srg = node(nodes, srgNode(r.id(), s), "SRG", r.id(), r.site());
        tp(srg, srgCp(s), "SRG-TXRX-CP");
        for (int pp = 1; pp <= net.addDropPorts(r.id(), s); pp++) {
          tp(srg, srgPp(s, pp), "SRG-TXRX-PP");
        }
      }
    }
    net.xponders().forEach(x -> xponder(net, x, nodes, links, wavelengths));
    for (OpticalNetwork.Span f : net.fibers()) {
      String state = failed.contains(f.id()) ? "outOfService" : "inService";
      for (OpticalNetwork.End[] ends : new OpticalNetwork.End[][] {{f.a(), f.z()},
          {f.z(), f.a()}}) {
        ObjectNode link = link(links, ends[0].degreeNode(), degreeTtp(ends[0].degree()),
            ends[1].degreeNode(), degreeTtp(ends[1].degree()), "ROADM-TO-ROADM", state);
        link.put(CN + "link-length", f.lengthKm() * 1000);
        link.put("org-openroadm-network-topology:fiber-id", f.id());
        ArrayNode concatenation = link.putObject("org-openroadm-network-topology:OMS-attributes")
            .putObject("span").put("auto-spanloss", "true")
            .putArray("link-concatenation");
        long srlg = f.srlgs().isEmpty() ? 0 : f.srlgs().getFirst();
        concatenation.addObject().put("SRLG-Id", srlg).put("fiber-type", "smf")
            .put("SRLG-length", f.lengthKm() * 1000).put("pmd", 0.5);
        link.putArray("org-openroadm-network-topology:srlg-ids")
            .addAll(f.srlgs().stream().map(JSON::numberNode).toList());
      }
    }
  }

  /**
   * An xponder's node: its network TPs, each wired to a client (associated-connection-map-tp)
   * and to an SRG PP (tail-equipment-id, and the XPONDER-OUTPUT/-INPUT links), with the channel
   * it carries when a service holds it; then its client TPs.
   */
  private static void xponder(OpticalNetwork net, OpticalNetwork.Xponder x, ArrayNode nodes,
      ArrayNode links, Wavelengths wavelengths) {
    String id = xponderNode(x.id());
    ObjectNode node = node(nodes, id, "XPONDER", x.id(), x.site());
    String srg = srgNode(x.roadm(), x.srg());
    for (int n = 1; n <= x.networkPorts(); n++) {
      String pp = srgPp(x.srg(), net.addDropPort(x, n));
      ObjectNode tp = tp(node, networkTp(n), "XPONDER-NETWORK");
      ArrayNode clients = tp.putArray(CN + "associated-connection-map-tp");
      for (int c = 1; c <= x.clientPorts(); c++) {
        if (x.networkPortOf(c) == n) {
          clients.add(clientTp(c));
        }
      }
      ObjectNode attributes = tp.putObject(NT + "xpdr-network-attributes");
      attributes.put("tail-equipment-id", srg + "--" + pp);
      wavelengths.on(x.id(), networkTp(n)).ifPresent(block -> attributes.putObject("wavelength")
          .put("frequency", block.centreFrequencyThz())
          .put("width", block.widthGhz() > 50 ? block.widthGhz() - 12.5 : 40.0));
      link(links, id, networkTp(n), srg, pp, "XPONDER-OUTPUT", "inService");
      link(links, srg, pp, id, networkTp(n), "XPONDER-INPUT", "inService");
    }
    for (int c = 1; c <= x.clientPorts(); c++) {
      tp(node, clientTp(c), "XPONDER-CLIENT").putArray(CN + "associated-connection-map-tp")
          .add(networkTp(x.networkPortOf(c)));
    }
  }

  /** A node of openroadm-network with what TransportPCE reads from the device's info. */
  private static void device(ArrayNode nodes, String id, String site, String type,
      OpticalNetwork.Device device) {
    ObjectNode node = nodes.addObject();
    node.put("node-id", id);
    node.put(CN + "node-type", type);
    node.put("org-openroadm-network:vendor", device.vendor());
    node.put("org-openroadm-network:model", device.model());
    device.ip().ifPresent(ip -> node.put("org-openroadm-network:ip", ip));
    node.putArray("supporting-node").addObject().put("network-ref", "clli-network")
        .put("node-ref", site);
  }

  private static ObjectNode node(ArrayNode nodes, String id, String type, String device,
      String site) {
    ObjectNode node = nodes.addObject();
    node.put("node-id", id);
    node.put(CN + "node-type", type);
    node.put(CN + "operational-state", "inService");
    ArrayNode supporting = node.putArray("supporting-node");
    supporting.addObject().put("network-ref", "openroadm-network").put("node-ref", device);
    supporting.addObject().put("network-ref", "clli-network").put("node-ref", site);
    node.putArray("ietf-network-topology:termination-point");
    return node;
  }

  private static ObjectNode tp(ObjectNode node, String id, String type) {
    return ((ArrayNode) node.get("ietf-network-topology:termination-point")).addObject()
        .put("tp-id", id).put(CN + "tp-type", type)
        .put(CN + "operational-state", "inService");
  }

  private static ObjectNode link(ArrayNode links, String src, String srcTp, String dst,
      String dstTp, String type, String state) {
    ObjectNode link = links.addObject();
    link.put("link-id", linkId(src, srcTp, dst, dstTp));
    link.putObject("source").put("source-node", src).put("source-tp", srcTp);
    link.putObject("destination").put("dest-node", dst).put("dest-tp", dstTp);
    link.put(CN + "link-type", type);
    link.put(CN + "operational-state", state);
    link.put(CN + "administrative-state", "inService");
    return link;
  }
}
