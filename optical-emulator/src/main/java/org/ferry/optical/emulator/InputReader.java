package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads leaves out of an RPC input and checks their JSON types as the YANG model has them
 * (RFC 7951: strings as strings, integers as numbers or numeric strings, containers as objects,
 * lists as arrays). A wrong type is a 400 {@code invalid-value} naming the leaf.
 */
final class InputReader {

  private InputReader() {}

  /** The {@code input} of an RPC body, with or without the module prefix. */
  static JsonNode input(JsonNode body, String module) {
    if (body == null || !body.isObject()) {
      throw RestconfException.badRequest("malformed-message",
          "the body must be a JSON object holding \"input\"");
    }
    JsonNode input = body.has("input") ? body.get("input") : body.get(module + ":input");
    if (input == null) {
      throw RestconfException.badRequest("malformed-message",
          "the body must hold \"input\" (or \"" + module + ":input\")");
    }
    return container(input, "input").orElseThrow();
  }

  static Optional<JsonNode> container(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isObject()) {
      throw wrongType(path, "an object", node);
    }
    return Optional.of(node);
  }

  static Optional<JsonNode> container(JsonNode parent, String field, String path) {
    return parent == null ? Optional.empty()
        : container(parent.get(field), path + "/" + field);
  }

  static Optional<String> string(JsonNode parent, String field, String path) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual()) {
      throw wrongType(path + "/" + field, "a string", node);
    }
    return Optional.of(node.asText());
  }

  /** A YANG integer or decimal leaf: a JSON number or a numeric string. */
  static Optional<Double> number(JsonNode parent, String field, String path) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (node.isNumber()) {
      return Optional.of(node.asDouble());
    }
    if (node.isTextual()) {
      try {
        return Optional.of(Double.parseDouble(node.asText().trim()));
      } catch (NumberFormatException e) {
        throw wrongType(path + "/" + field, "a number", node);
      }
    }
    throw wrongType(path + "/" + field, "a number", node);
  }

  static Optional<List<JsonNode>> list(JsonNode parent, String field, String path) {
    JsonNode node = parent == null ? null : parent.get(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isArray()) {
      throw wrongType(path + "/" + field, "an array", node);
    }
    List<JsonNode> items = new ArrayList<>();
    node.forEach(items::add);
    return Optional.of(items);
  }

  /** A leaf-list of strings. */
  static List<String> strings(JsonNode parent, String field, String path) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : list(parent, field, path).orElse(List.of())) {
      if (!item.isTextual() && !item.isNumber()) {
        throw wrongType(path + "/" + field, "an array of strings", item);
      }
      values.add(item.asText());
    }
    return values;
  }

  private static RestconfException wrongType(String path, String expected, JsonNode node) {
    JsonNodeType type = node.getNodeType();
    return new RestconfException(400, "application", "invalid-value",
        "Invalid value for " + path + ": expected " + expected + ", got "
            + type.name().toLowerCase(java.util.Locale.ROOT));
  }
}
