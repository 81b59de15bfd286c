package org.ferry.inventory;

import java.util.ArrayList;
import java.util.List;

/** The errors found while reading one document, collected rather than thrown one at a time. */
final class Problems {

  private final List<InventoryError> errors = new ArrayList<>();

  void add(String path, String message) {
    errors.add(new InventoryError(path, message));
  }

  boolean any() {
    return !errors.isEmpty();
  }

  int count() {
    return errors.size();
  }

  List<InventoryError> all() {
    return List.copyOf(errors);
  }
}
