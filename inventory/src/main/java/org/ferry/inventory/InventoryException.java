package org.ferry.inventory;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An inventory file that cannot be used, with every error found in it (not only the first), so
 * that the user fixes them in one go. Nothing of such a file is loaded.
 */
public final class InventoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<InventoryError> errors;

  /**
   * @param source the file (or resource) read, for the message
   * @param errors what is wrong, one or more
   */
  public InventoryException(String source, List<InventoryError> errors) {
    super(message(source, errors));
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("an inventory exception carries at least one error");
    }
    this.source = source;
    this.errors = List.copyOf(errors);
  }

  /** The file (or resource) that was read. */
  public String source() {
    return source;
  }

  /** Every error found, in document order. */
  public List<InventoryError> errors() {
    return errors;
  }

  private static String message(String source, List<InventoryError> errors) {
    String head = "inventory " + source + " has " + errors.size()
        + (errors.size() == 1 ? " error:" : " errors:");
    return errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n", head + "\n", ""));
  }
}
