package org.ferry.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Where PUT inventory goes: the inventory document as loaded, and its replacement. The
 * application wires the inventory loader in here; {@link #NOT_AVAILABLE} answers 501.
 */
public interface InventorySource {

  /** The inventory document as it was loaded. */
  JsonNode current();

  /**
   * Replaces the inventory with {@code document} if it is valid, whole or not at all.
   *
   * @return the document's errors (nothing changed), or what became of it
   * @throws UnsupportedOperationException if this source cannot replace the inventory
   */
  Replacement replace(JsonNode document);

  /**
   * What a replace did.
   *
   * @param errors every fault of the document; if any, nothing changed
   * @param detail what became of a document taken, for a human (where it is kept, when it
   *     applies); empty when refused
   */
  record Replacement(List<ValidationError> errors, String detail) {
    public Replacement {
      errors = List.copyOf(errors);
    }

    public static Replacement refused(List<ValidationError> errors) {
      return new Replacement(errors, "");
    }

    public static Replacement taken(String detail) {
      return new Replacement(List.of(), detail);
    }
  }

  /**
   * One fault in a document.
   *
   * @param path where, as the inventory's own path notation ({@code vnfs[2].peers[0].max-latency-ms})
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
    public Replacement replace(JsonNode document) {
      throw new UnsupportedOperationException("inventory replace is not available yet");
    }
  };
}
