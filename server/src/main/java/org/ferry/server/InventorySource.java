package org.ferry.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where PUT inventory goes: the inventory document as loaded, and its replacement. The lead wires
 * the inventory loader in here; until then {@link #NOT_AVAILABLE} answers 501.
 */
public interface InventorySource {

  /** The inventory document as it was loaded. */
  JsonNode current();

  /**
   * Replaces the inventory with {@code document} if it is valid.
   *
   * @return the document's errors, empty if it was taken; nothing changes when there is one
   * @throws UnsupportedOperationException if this source cannot replace the inventory
   */
  List<ValidationError> replace(JsonNode document);

  /**
   * One fault in a document.
   *
   * @param path where, as a JSON pointer ("/vnfs/0/site")
   * @param message what is wrong there
   */
  record ValidationError(String path, String message) {}

  /** Replacing is not available yet. */
  InventorySource NOT_AVAILABLE = new InventorySource() {
    @Override
    public JsonNode current() {
      throw new UnsupportedOperationException("inventory replace is not available yet");
    }

    @Override
    public List<ValidationError> replace(JsonNode document) {
      throw new UnsupportedOperationException("inventory replace is not available yet");
    }
  };
}
