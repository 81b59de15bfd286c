package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a user reads when {@code ferry server} refuses a request: its RFC 9457 problem details
 * as one line, {@code <detail> (field: X; fix: Y)}, and the exit code: {@link
 * ApiException#BAD_INPUT} for a 4xx (the request or the token was at fault), {@link
 * ApiException#SERVER_FAILURE} for anything else.
 */
final class ProblemMessages {

  private static final ObjectMapper JSON = new ObjectMapper();
  /** How the server's 403 names the role a route needs. */
  private static final Pattern ROLE_NEEDED = Pattern.compile("needs the (\\w+) role");

  private ProblemMessages() {}

  static ApiException refusal(int status, String body) {
    JsonNode problem = parse(body);
    int exit = status >= 400 && status < 500 ? ApiException.BAD_INPUT
        : ApiException.SERVER_FAILURE;
    return new ApiException(status, exit, message(status, problem, body), null);
  }

  private static String message(int status, JsonNode problem, String body) {
    if (status == 401) {
      return "the server refused the token (401): check FERRY_TOKEN or --token-file";
    }
    String detail = problem.path("detail").asText("");
    if (status == 403) {
      Matcher role = ROLE_NEEDED.matcher(detail);
      return "the server refused the request (403): " + (detail.isEmpty()
          ? "the token's role may not do this" : detail)
          + (role.find() ? "; use a token with the " + role.group(1) + " role" : "");
    }
    if (detail.isEmpty()) {
      String text = body == null ? "" : body.strip();
      return "the server answered " + status + (text.isEmpty() ? ""
          : ": " + (text.length() > 200 ? text.substring(0, 200) + "..." : text));
    }
    StringBuilder line = new StringBuilder(detail);
    String field = problem.path("field").asText("");
    String fix = problem.path("fix").asText("");
    if (!field.isEmpty() || !fix.isEmpty()) {
      line.append(" (");
      if (!field.isEmpty()) {
        line.append("field: ").append(field);
      }
      if (!fix.isEmpty()) {
        line.append(field.isEmpty() ? "" : "; ").append("fix: ").append(fix);
      }
      line.append(')');
    }
    return line.toString();
  }

  /** The problem object, or an empty node if the body is not one (a proxy's HTML page). */
  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }
}
