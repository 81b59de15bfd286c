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
import java.util.Locale;
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
   * @throws IllegalArgumentException naming the file and what is wrong in it
   */
  public static TopologyFile read(Path file) {
    try {
      return parse(new ObjectMapper().readTree(Files.readString(file)), file.toString());
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read topology file " + file + ": "
          + e.getMessage(), e);
    }
  }

  static TopologyFile parse(JsonNode root, String source) {
    try {
      List<OpticalNetwork.Roadm> roadms = new ArrayList<>();
      for (JsonNode r : items(root, "roadms")) {
        roadms.add(new OpticalNetwork.Roadm(text(r, "id"), text(r, "site"),
            r.path("degrees").asInt(2), r.path("srgs").asInt(1)));
      }
      List<OpticalNetwork.Xponder> xponders = new ArrayList<>();
      for (JsonNode x : items(root, "xponders")) {
        xponders.add(new OpticalNetwork.Xponder(text(x, "id"), text(x, "site"), text(x, "roadm"),
            x.path("srg").asInt(1), OpticalNetwork.XponderType.valueOf(
                text(x, "type").toUpperCase(Locale.ROOT).replace('-', '_'))));
      }
      List<OpticalNetwork.Span> fibers = new ArrayList<>();
      for (JsonNode f : items(root, "fibers")) {
        List<Long> srlgs = new ArrayList<>();
        f.path("srlgs").forEach(s -> srlgs.add(s.asLong()));
        fibers.add(new OpticalNetwork.Span(text(f, "id"), end(f.path("a")), end(f.path("z")),
            f.path("length-km").asDouble(0), srlgs));
      }
      OpticalNetwork.Grid grid = OpticalNetwork.Grid.valueOf(
          root.path("grid").asText("fixed").toUpperCase(Locale.ROOT));
      List<StartupService> services = new ArrayList<>();
      for (JsonNode s : items(root, "services")) {
        services.add(new StartupService(text(s, "name"), text(s, "a-end"), text(s, "z-end"),
            s.path("restorable").asBoolean(true)));
      }
      return new TopologyFile(new OpticalNetwork(roadms, xponders, fibers, grid), services);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("topology " + source + ": " + e.getMessage(), e);
    }
  }

  private static List<JsonNode> items(JsonNode root, String field) {
    List<JsonNode> items = new ArrayList<>();
    JsonNode node = root.path(field);
    if (!node.isMissingNode() && !node.isArray()) {
      throw new IllegalArgumentException("\"" + field + "\" must be an array");
    }
    node.forEach(items::add);
    return items;
  }

  private static OpticalNetwork.End end(JsonNode node) {
    return new OpticalNetwork.End(text(node, "roadm"), node.path("degree").asInt(0));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException("\"" + field + "\" is missing or not a string in "
          + node);
    }
    return value.asText();
  }
}
