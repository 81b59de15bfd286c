package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ferry.model.Spelling;

/**
 * One JSON object of the topology file, read strictly: every key must be one it knows (a typo
 * such as {@code lenght-km} is refused naming the nearest known key, rather than ignored), and
 * every value must have the type and range of its field. Messages name the field by its place
 * in the file ({@code fibers[2].length-km}) and what it may be.
 */
final class TopologyFields {

  private final JsonNode node;
  private final String where;

  /**
   * @param where the object's place in the file, e.g. {@code xponders[3]}; empty for the root
   * @throws IllegalArgumentException if it is not an object or has a key not in {@code known}
   */
  TopologyFields(JsonNode node, String where, Set<String> known) {
    this.node = node;
    this.where = where;
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException(name("") + " must be a JSON object, got " + node);
    }
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown key \"" + key + "\" in " + name("")
            + " (did you mean \"" + nearest(key, known) + "\"?); known keys: "
            + known.stream().sorted().collect(Collectors.joining(", ")));
      }
    }
  }

  /** A field's raw value, null when absent. */
  JsonNode fieldNode(String field) {
    return node.get(field);
  }

  /** A string that must be there and not blank. */
  String text(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isTextual() || value.asText().isBlank()) {
      throw new IllegalArgumentException(name(field) + " is missing or not a string (in "
          + node + ")");
    }
    return value.asText();
  }

  /** An optional string. */
  Optional<String> optionalText(String field) {
    return node.has(field) ? Optional.of(text(field)) : Optional.empty();
  }

  /** An integer of at least {@code min}, or {@code otherwise} when absent. */
  int integer(String field, int otherwise, int min) {
    JsonNode value = node.get(field);
    if (value == null) {
      return otherwise;
    }
    if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
      throw new IllegalArgumentException(name(field) + " must be an integer of at least " + min
          + ", got " + value);
    }
    return value.asInt();
  }

  /** A number above 0. */
  double positive(String field) {
    JsonNode value = node.get(field);
    if (value == null || !value.isNumber() || !(value.asDouble() > 0)) {
      throw new IllegalArgumentException(name(field) + " must be a number above 0, got "
          + (value == null ? "nothing" : value));
    }
    return value.asDouble();
  }

  /** A boolean, or {@code otherwise} when absent. */
  boolean bool(String field, boolean otherwise) {
    JsonNode value = node.get(field);
    if (value == null) {
      return otherwise;
    }
    if (!value.isBoolean()) {
      throw new IllegalArgumentException(name(field) + " must be true or false, got " + value);
    }
    return value.asBoolean();
  }

  /**
   * An enum constant written in lower case with dashes ({@code transponder-100g}).
   *
   * @param otherwise the value when absent, or null if the field is required
   */
  <E extends Enum<E>> E choice(String field, Class<E> type, E otherwise) {
    if (!node.has(field) && otherwise != null) {
      return otherwise;
    }
    List<String> allowed = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      allowed.add(spelling(constant));
    }
    JsonNode value = node.get(field);
    for (E constant : type.getEnumConstants()) {
      if (value != null && value.isTextual() && value.asText().equals(spelling(constant))) {
        return constant;
      }
    }
    throw new IllegalArgumentException(name(field) + " must be one of "
        + String.join(", ", allowed) + "; got " + (value == null ? "nothing" : value));
  }

  /** The items of an array field; none when absent. */
  List<JsonNode> items(String field) {
    JsonNode value = node.get(field);
    if (value == null) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new IllegalArgumentException(name(field) + " must be an array, got " + value);
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** The place of a field of this object. */
  String name(String field) {
    if (field.isEmpty()) {
      return where.isEmpty() ? "the top level" : where;
    }
    return "\"" + (where.isEmpty() ? field : where + "." + field) + "\"";
  }

  /** The place of the i-th item of an array field. */
  String item(String field, int i) {
    return (where.isEmpty() ? field : where + "." + field) + "[" + i + "]";
  }

  static String spelling(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The known key closest to a typo, by edit distance. */
  static String nearest(String key, Set<String> known) {
    return Spelling.closest(key, known).orElse("");
  }
}
