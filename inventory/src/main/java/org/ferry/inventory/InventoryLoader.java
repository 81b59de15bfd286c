package org.ferry.inventory;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.network.Topology;
import org.ferry.model.vnf.Vnf;

/**
 * Reads an inventory file, YAML or JSON (YAML's superset of it), into an {@link Inventory}.
 * Every error in the file is collected with its path and what to do about it; a file with any
 * error yields no inventory at all, only an {@link InventoryException} that lists them all.
 *
 * <p>Thread-safe; holds no state between loads.
 */
public final class InventoryLoader {

  /** The classpath resource of the reference study's setting. */
  public static final String REFERENCE_RESOURCE = "/org/ferry/inventory/reference.yaml";

  private static final Set<String> TOP_LEVEL = Set.of("name", "sites", "switches", "roadms",
      "fibers", "xponders", "optical-controller", "lightpaths", "kinds", "vnfs");

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION));

  private InventoryLoader() {}

  /**
   * Loads the file at {@code path}.
   *
   * @throws InventoryException if the file cannot be read or has any error, listing them all
   */
  public static Inventory load(Path path) {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InventoryException(path.toString(), List.of(new InventoryError("",
          "no such file; give the path of a YAML or JSON inventory (see docs/inventory.md)")));
    } catch (IOException e) {
      throw new InventoryException(path.toString(),
          List.of(new InventoryError("", "cannot be read: " + e.getMessage())));
    }
    return parse(text, path.toString());
  }

  /**
   * The reference study's setting, as shipped ({@value #REFERENCE_RESOURCE}): the RAN site and
   * the two compute sites, the three lightpaths and the EPC at site-a.
   */
  public static Inventory reference() {
    try (InputStream in = InventoryLoader.class.getResourceAsStream(REFERENCE_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the reference inventory " + REFERENCE_RESOURCE
            + " is missing from the classpath; the build is broken");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), REFERENCE_RESOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads an inventory from its text.
   *
   * @param source what the text came from, for the messages (a path, a resource)
   * @throws InventoryException if the text has any error, listing them all
   */
  public static Inventory parse(String text, String source) {
    return fromTree(tree(text, source), source);
  }

  /**
   * The document of an inventory's text, as a tree, unchecked.
   *
   * @throws InventoryException if the text is not YAML or JSON, saying where
   */
  public static JsonNode tree(String text, String source) {
    try {
      return YAML.readTree(text);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new InventoryException(source,
          List.of(new InventoryError(where, "not valid YAML or JSON: " + e.getOriginalMessage())));
    }
  }

  /**
   * Reads an inventory from its document (an API body, say).
   *
   * @throws InventoryException if the document has any error, listing them all
   */
  public static Inventory fromTree(JsonNode json, String source) {
    Problems problems = new Problems();
    Node root = new Node(json, "", problems);
    Optional<Inventory> inventory = read(root, problems);
    if (problems.any() || inventory.isEmpty()) {
      throw new InventoryException(source, problems.all());
    }
    return inventory.get();
  }

  private static Optional<Inventory> read(Node root, Problems problems) {
    if (!root.object(TOP_LEVEL)) {
      return Optional.empty();
    }
    String name = root.text("name", false).orElse("unnamed network");
    NetworkReader network = new NetworkReader(problems);
    network.read(root);
    ServiceReader services = new ServiceReader(network);
    services.read(root);
    List<Vnf> vnfs = new VnfReader(network, services).read(root);
    Optional<Topology> topology = network.topology(root);
    if (problems.any() || topology.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Inventory(name, topology.get(), network.drivers, services.optical,
        List.copyOf(services.lightpaths.all().values()), services.backhaul(), services.kinds,
        vnfs));
  }
}
