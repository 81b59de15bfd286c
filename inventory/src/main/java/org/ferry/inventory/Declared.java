package org.ferry.inventory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ids of one kind of element declared so far, each with where it was declared and what it
 * is; reports duplicates and dangling references with both places named.
 */
final class Declared<K, V> {

  private final String what;
  private final String plural;
  private final Map<K, V> values = new LinkedHashMap<>();
  private final Map<K, String> paths = new LinkedHashMap<>();

  /** @param what the element, for messages ("site", "host") */
  Declared(String what) {
    this(what, what + "s");
  }

  /** @param plural the element in the plural, where adding an 's' is wrong ("switches") */
  Declared(String what, String plural) {
    this.what = what;
    this.plural = plural;
  }

  /** Declares {@code id} at {@code where}; false (reported) if it was declared before. */
  boolean declare(K id, V value, Node where) {
    String first = paths.get(id);
    if (first != null) {
      where.field("id").error("duplicate " + what + " id '" + id + "'; first declared at "
          + first + "; ids must be unique");
      return false;
    }
    values.put(id, value);
    paths.put(id, where.path());
    return true;
  }

  /**
   * The element {@code id} refers to, or empty with an error at {@code field} of {@code from}
   * that names the reference, the element missing and the ones declared.
   */
  Optional<V> resolve(K id, Node from, String field) {
    V value = values.get(id);
    if (value == null) {
      from.field(field).error("refers to " + what + " '" + id + "', which is not declared;"
          + " declared " + plural + ": " + (values.isEmpty() ? "none" : keys()));
    }
    return Optional.ofNullable(value);
  }

  Optional<V> get(K id) {
    return Optional.ofNullable(values.get(id));
  }

  boolean contains(K id) {
    return values.containsKey(id);
  }

  Map<K, V> all() {
    return values;
  }

  Set<K> ids() {
    return values.keySet();
  }

  String keys() {
    return String.join(", ", values.keySet().stream().map(String::valueOf).toList());
  }
}
