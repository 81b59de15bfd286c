package org.ferry.inventory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.ferry.model.Spelling;

/**
 * A place in the document being read: its JSON value and its path. Reads fields with the types
 * the format has, reporting what is wrong to {@link Problems} with the path and what is
 * accepted instead of throwing, so that one read finds every error. A read that fails yields
 * empty.
 */
final class Node {

  private final JsonNode json;
  private final String path;
  private final Problems problems;

  Node(JsonNode json, String path, Problems problems) {
    this.json = json == null ? MissingNode.getInstance() : json;
    this.path = path;
    this.problems = problems;
  }

  String path() {
    return path;
  }

  boolean has(String field) {
    JsonNode value = json.get(field);
    return value != null && !value.isNull();
  }

  Node field(String name) {
    return new Node(json.get(name), path.isEmpty() ? name : path + "." + name, problems);
  }

  void error(String message) {
    problems.add(path, message);
  }

  /**
   * Reports each field not in {@code known}, with the nearest known name when one is close.
   *
   * @return false if this is not an object (reported)
   */
  boolean object(Set<String> known) {
    if (!json.isObject()) {
      error("must be a mapping of fields (" + String.join(", ", known) + "), got "
          + describe(json));
      return false;
    }
    for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!known.contains(name)) {
        String hint = Spelling.nearest(name, known)
            .map(n -> "did you mean '" + n + "'?")
            .orElse("known fields: " + String.join(", ", known));
        field(name).error("unknown field; " + hint);
      }
    }
    return true;
  }

  Optional<String> text(String name, boolean required) {
    Node f = field(name);
    if (!has(name)) {
      if (required) {
        f.error("required");
      }
      return Optional.empty();
    }
    if (!f.json.isValueNode() || f.json.asText().isBlank()) {
      f.error("must be a non-empty text, got " + describe(f.json));
      return Optional.empty();
    }
    return Optional.of(f.json.asText().trim());
  }

  /** A text turned into a value by {@code parse}, whose exception message becomes the error. */
  <T> Optional<T> value(String name, boolean required, Function<String, T> parse) {
    return text(name, required).flatMap(t -> {
      try {
        return Optional.of(parse.apply(t));
      } catch (IllegalArgumentException e) {
        field(name).error(e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** A number above {@code min} (exclusive) if {@code exclusive}, else at least {@code min}. */
  Optional<Double> number(String name, boolean required, double min, boolean exclusive) {
    Node f = field(name);
    if (!has(name)) {
      if (required) {
        f.error("required");
      }
      return Optional.empty();
    }
    if (!f.json.isNumber()) {
      f.error("must be a number, got " + describe(f.json));
      return Optional.empty();
    }
    double v = f.json.asDouble();
    if (exclusive ? !(v > min) : !(v >= min)) {
      f.error("must be " + (exclusive ? "above " : "at least ") + plain(min) + ", got "
          + plain(v));
      return Optional.empty();
    }
    return Optional.of(v);
  }

  /** A whole number, at least {@code min}. */
  Optional<Integer> integer(String name, boolean required, int min) {
    Node f = field(name);
    if (has(name) && !f.json.canConvertToInt()) {
      f.error("must be a whole number, got " + describe(f.json));
      return Optional.empty();
    }
    return number(name, required, min, false).map(Double::intValue);
  }

  Optional<Boolean> bool(String name) {
    if (!has(name)) {
      return Optional.empty();
    }
    Node f = field(name);
    if (!f.json.isBoolean()) {
      f.error("must be true or false, got " + describe(f.json));
      return Optional.empty();
    }
    return Optional.of(f.json.asBoolean());
  }

  /** The elements of a list field; empty (reported if required) when missing or not a list. */
  List<Node> list(String name, boolean required) {
    Node f = field(name);
    if (!has(name)) {
      if (required) {
        f.error("required (a list)");
      }
      return List.of();
    }
    if (!f.json.isArray()) {
      f.error("must be a list, got " + describe(f.json));
      return List.of();
    }
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < f.json.size(); i++) {
      out.add(new Node(f.json.get(i), f.path + "[" + i + "]", problems));
    }
    return out;
  }

  /** This node as a text (an element of a list of names). */
  Optional<String> asText() {
    if (json.isValueNode() && !json.asText().isBlank()) {
      return Optional.of(json.asText().trim());
    }
    error("must be a non-empty text, got " + describe(json));
    return Optional.empty();
  }

  /** A mapping of texts to texts (a driver's settings), in document order. */
  Map<String, String> settings(String name) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!has(name)) {
      return out;
    }
    Node f = field(name);
    if (!f.json.isObject()) {
      f.error("must be a mapping of names to values, got " + describe(f.json));
      return out;
    }
    f.json.properties().forEach(e -> {
      if (e.getValue().isValueNode()) {
        out.put(e.getKey(), e.getValue().asText());
      } else {
        f.field(e.getKey()).error("must be a single value, got " + describe(e.getValue()));
      }
    });
    return out;
  }

  private static String describe(JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return "nothing";
    }
    if (value.isObject()) {
      return "a mapping";
    }
    if (value.isArray()) {
      return "a list";
    }
    return value.isTextual() ? "'" + value.asText() + "'" : value.asText();
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
