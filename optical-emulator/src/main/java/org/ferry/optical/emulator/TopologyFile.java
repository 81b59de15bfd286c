package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork;

/**
 * The emulator's topology file: the network and the services that exist at start-up. The format
 * is documented in {@code docs/optical-emulator.md}; the default is the reference setting's
 * three-site ring ({@code default-topology.json} beside this class).
 *
 * @param network the network
 * @param services the services created, in service, at start-up
 */
public record TopologyFile(OpticalNetwork network, List<StartupService> services) {

  /** A service that exists at start-up. */
  public record StartupService(String name, String aEnd, String zEnd, boolean restorable) {}

  public TopologyFile {
    services = List.copyOf(services);
  }

  /** The same network with no service at start-up. */
  public TopologyFile withoutServices() {
    return new TopologyFile(network, List.of());
  }

  /** The reference setting: ran, site-a, site-b on a ring of three ROADMs. */
  public static TopologyFile defaults() {
    try (InputStream in = TopologyFile.class.getResourceAsStream("default-topology.json")) {
      return parse(new ObjectMapper().readTree(in), "the default topology");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a topology file.
   *
   * @throws IllegalArgumentException naming the file and what is wrong in it: a field by its
   *     place in the file with the values it may take, an unknown key with the nearest known one,
   *     or a file that is not there with how to get the default
   */
  public static TopologyFile read(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException("topology file " + file + " does not exist; leave out"
          + " --topology to use the default (the reference setting), or start from a copy of "
          + DEFAULT_RESOURCE + " (format: docs/optical-emulator.md)");
    }
    try {
      return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read topology file " + file + ": "
          + e.getMessage(), e);
    }
  }

  /** Where the default topology is, in the source tree. */
  static final String DEFAULT_RESOURCE =
      "optical-emulator/src/main/resources/org/ferry/optical/emulator/default-topology.json";

  private static final Set<String> ROOT_KEYS =
      Set.of("grid", "roadms", "xponders", "fibers", "services");
  private static final Set<String> DEVICE_KEYS = Set.of("vendor", "model", "ip");
  private static final Set<String> ROADM_KEYS =
      union(Set.of("id", "site", "degrees", "srgs"), DEVICE_KEYS);
  private static final Set<String> XPONDER_KEYS = union(Set.of("id", "site", "roadm", "srg",
      "type", "network-ports", "client-ports"), DEVICE_KEYS);
  private static final Set<String> FIBER_KEYS = Set.of("id", "a", "z", "length-km", "srlgs");
  private static final Set<String> END_KEYS = Set.of("roadm", "degree");
  private static final Set<String> SERVICE_KEYS = Set.of("name", "a-end", "z-end", "restorable");

  static TopologyFile parse(JsonNode root, String source) {
    try {
      TopologyFields top = new TopologyFields(root, "", ROOT_KEYS);
      List<OpticalNetwork.Roadm> roadms = new ArrayList<>();
      List<JsonNode> items = top.items("roadms");
      for (int i = 0; i < items.size(); i++) {
        TopologyFields r = new TopologyFields(items.get(i), top.item("roadms", i), ROADM_KEYS);
        roadms.add(new OpticalNetwork.Roadm(r.text("id"), r.text("site"),
            r.integer("degrees", 2, 1), r.integer("srgs", 1, 1), device(r, "roadm")));
      }
      List<OpticalNetwork.Xponder> xponders = new ArrayList<>();
      items = top.items("xponders");
      for (int i = 0; i < items.size(); i++) {
        TopologyFields x = new TopologyFields(items.get(i), top.item("xponders", i),
            XPONDER_KEYS);
        OpticalNetwork.XponderType type = x.choice("type", OpticalNetwork.XponderType.class, null);
        int network = x.integer("network-ports", type.defaultNetworkPorts(), 1);
        int clients = x.integer("client-ports", Math.max(network, type.defaultClientPorts()),
            network);
        xponders.add(new OpticalNetwork.Xponder(x.text("id"), x.text("site"), x.text("roadm"),
            x.integer("srg", 1, 1), type, network, clients,
            device(x, TopologyFields.spelling(type))));
      }
      List<OpticalNetwork.Span> fibers = new ArrayList<>();
      items = top.items("fibers");
      for (int i = 0; i < items.size(); i++) {
        TopologyFields f = new TopologyFields(items.get(i), top.item("fibers", i), FIBER_KEYS);
        List<Long> srlgs = new ArrayList<>();
        for (JsonNode srlg : f.items("srlgs")) {
          if (!srlg.isIntegralNumber()) {
            throw new IllegalArgumentException(f.name("srlgs") + " must hold integers, got "
                + srlg);
          }
          srlgs.add(srlg.asLong());
        }
        fibers.add(new OpticalNetwork.Span(f.text("id"), end(f, "a"), end(f, "z"),
            f.positive("length-km"), srlgs));
      }
      OpticalNetwork.Grid grid = top.choice("grid", OpticalNetwork.Grid.class,
          OpticalNetwork.Grid.FIXED);
      List<StartupService> services = new ArrayList<>();
      items = top.items("services");
      for (int i = 0; i < items.size(); i++) {
        TopologyFields s = new TopologyFields(items.get(i), top.item("services", i),
            SERVICE_KEYS);
        services.add(new StartupService(s.text("name"), s.text("a-end"), s.text("z-end"),
            s.bool("restorable", true)));
      }
      return new TopologyFile(new OpticalNetwork(roadms, xponders, fibers, grid), services);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("topology " + source + ": " + e.getMessage(), e);
    }
  }

  private static OpticalNetwork.Device device(TopologyFields fields, String model) {
    return new OpticalNetwork.Device(fields.optionalText("vendor").orElse("ferry-emulator"),
        fields.optionalText("model").orElse(model), fields.optionalText("ip"));
  }

  private static OpticalNetwork.End end(TopologyFields fiber, String side) {
    TopologyFields end = new TopologyFields(fiber.fieldNode(side), fiber.name(side)
        .replace("\"", ""), END_KEYS);
    return new OpticalNetwork.End(end.text("roadm"), end.integer("degree", 0, 1));
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }
}
