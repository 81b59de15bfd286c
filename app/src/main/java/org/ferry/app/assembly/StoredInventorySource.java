package org.ferry.app.assembly;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.ferry.inventory.InventoryException;
import org.ferry.inventory.InventoryLoader;
import org.ferry.server.InventorySource;

/**
 * The server's inventory document: the one it started on, and replacements checked by the
 * inventory loader, whole or not at all. A document taken is kept, each version under
 * {@code DIR/inventories/}, the newest as {@code DIR/inventory.json}; the running server goes
 * on with the network it started on (moving a live network's model under runs in flight is not
 * done), and {@code ferry server --inventory DIR/inventory.json} starts on the new one.
 *
 * <p>Thread-safe.
 */
public final class StoredInventorySource implements InventorySource {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  private final Path dataDir;
  private final JsonNode started;
  private JsonNode current;

  /**
   * @param dataDir where versions are kept
   * @param startedOn the text of the inventory the server started on (YAML or JSON)
   * @param source what that text came from, for messages
   */
  public StoredInventorySource(Path dataDir, String startedOn, String source) {
    this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
    this.started = InventoryLoader.tree(startedOn, source);
    this.current = started;
  }

  @Override
  public synchronized JsonNode current() {
    return current.deepCopy();
  }

  @Override
  public synchronized Replacement replace(JsonNode document) {
    try {
      InventoryLoader.fromTree(document, "the document");
    } catch (InventoryException e) {
      return Replacement.refused(e.errors().stream()
          .map(err -> new ValidationError(err.path(), err.message())).toList());
    }
    Path stored = store(document);
    current = document.deepCopy();
    return Replacement.taken("kept as " + stored + " (and " + dataDir.resolve("inventory.json")
        + "); this server goes on with the network it started on: start ferry server"
        + " --inventory " + dataDir.resolve("inventory.json") + " to run on it");
  }

  /** Writes the version and the newest copy, each by a rename so no reader sees half a file. */
  private Path store(JsonNode document) {
    try {
      Path versions = Files.createDirectories(dataDir.resolve("inventories"));
      byte[] text = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(document);
      Path version = versions.resolve("inventory-" + STAMP.format(Instant.now()) + ".json");
      writeAtomically(version, text);
      writeAtomically(dataDir.resolve("inventory.json"), text);
      return version;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the inventory under " + dataDir + ": "
          + e.getMessage(), e);
    }
  }

  private static void writeAtomically(Path target, byte[] text) throws IOException {
    Path temp = Files.createTempFile(target.getParent(), ".inventory-", ".tmp");
    Files.write(temp, text);
    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
