package org.ferry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * JSON on the wire: strict reading of request bodies into typed records (an unknown member is an
 * error naming it), and the conventions of the answers: durations in seconds ({@code *_s}), sizes
 * in megabytes ({@code *_mb}, 10^6 bytes), enums lower-case and dashed.
 */
final class WireJson {

  static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private WireJson() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** Seconds, as a number. */
  static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  /** An enum constant as the wire spells it: {@code FAULT_RECOVERY} is "fault-recovery". */
  static String name(Enum<?> e) {
    return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Writes a 2xx JSON answer. */
  static void answer(Context ctx, int status, JsonNode body) {
    ctx.status(status).contentType(Route.JSON).result(body.toString());
  }

  /** The request's body as a tree; malformed JSON is a 400 problem. */
  static JsonNode tree(Context ctx) {
    try {
      return MAPPER.readTree(ctx.bodyAsBytes());
    } catch (java.io.IOException e) {
      throw malformed(e);
    }
  }

  /**
   * The request's body read into {@code type}: malformed JSON, an unknown member or a missing or
   * mistyped one is a 400 problem naming the member.
   */
  static <T> T read(JsonNode body, Class<T> type) {
    try {
      return MAPPER.treeToValue(body, type);
    } catch (UnrecognizedPropertyException e) {
      throw Problem.of(400, "Unknown field", "the request has a field '" + e.getPropertyName()
              + "' that " + type.getSimpleName() + " does not have")
          .withField(path(e)).withFix("known fields: " + e.getKnownPropertyIds().stream()
              .map(Object::toString).sorted().collect(Collectors.joining(", ")))
          .toException();
    } catch (MismatchedInputException e) {
      throw Problem.of(400, "Invalid field", "field '" + path(e) + "': " + e.getOriginalMessage())
          .withField(path(e)).toException();
    } catch (JsonMappingException e) {
      // A record's compact constructor refused a value (null, empty...): name the field if known.
      String cause = e.getCause() != null ? e.getCause().getMessage() : e.getOriginalMessage();
      Problem p = Problem.of(400, "Invalid field", cause);
      throw (e.getPath().isEmpty() ? p : p.withField(path(e))).toException();
    } catch (JsonProcessingException e) {
      throw malformed(e);
    }
  }

  private static Problem.Exception malformed(java.io.IOException e) {
    String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return Problem.of(400, "Malformed JSON", "the body is not JSON: " + why)
        .withFix("send a JSON object").toException();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .collect(Collectors.joining(".")).replace(".[", "[");
  }
}
