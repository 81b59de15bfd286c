package org.ferry.inventory;

import java.util.Objects;

/**
 * One thing wrong with an inventory file, where it is and how to fix it.
 *
 * @param path where in the document, e.g. {@code vnfs[2].peers[0].max-latency-ms}; empty for the
 *     document as a whole
 * @param message what is wrong and what is accepted, e.g. {@code must be above 0, got -1}
 */
public record InventoryError(String path, String message) {

  public InventoryError {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
