package org.ferry.server;

import static org.ferry.server.WireJson.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OpenAPI 3.1 document of the API, built from the route table the server registers: a route
 * is in the document exactly when it is served. Bodies are described loosely (object); the
 * error answers all carry {@code application/problem+json}.
 */
final class OpenApiDocument {

  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

  private OpenApiDocument() {}

  static ObjectNode of(List<Route> routes, String version) {
    ObjectNode doc = object();
    doc.put("openapi", "3.1.0");
    doc.putObject("info").put("title", "Ferry API").put("version", version)
        .put("description", "Runs (fault recovery and planned moves), their events, the"
            + " inventory and the optical view. Errors are RFC 9457 problem details.");
    ObjectNode paths = doc.putObject("paths");
    for (Route r : routes) {
      ObjectNode path = paths.has(r.path()) ? (ObjectNode) paths.get(r.path())
          : paths.putObject(r.path());
      ObjectNode op = path.putObject(r.method().name().toLowerCase(Locale.ROOT));
      op.put("summary", r.summary());
      op.put("operationId", r.method().name().toLowerCase(Locale.ROOT)
          + r.path().replaceAll("[^A-Za-z0-9]+", "_"));
      ArrayNode security = op.putArray("security");
      if (r.access().isPresent()) {
        security.addObject().putArray("bearer");
        op.put("x-ferry-role", r.access().get().name().toLowerCase(Locale.ROOT));
      }
      Matcher m = PATH_PARAM.matcher(r.path());
      ArrayNode params = op.putArray("parameters");
      while (m.find()) {
        params.addObject().put("name", m.group(1)).put("in", "path").put("required", true)
            .putObject("schema").put("type", "string");
      }
      if (r.takesBody()) {
        op.putObject("requestBody").put("required", true).putObject("content")
            .putObject(Route.JSON).putObject("schema").put("type", "object");
      }
      ObjectNode responses = op.putObject("responses");
      for (int status : r.responses()) {
        ObjectNode resp = responses.putObject(Integer.toString(status));
        resp.put("description", status < 400 ? "success" : "problem");
        resp.putObject("content").putObject(status < 400 ? r.produces()
            : "application/problem+json").putObject("schema").put("type",
                status < 400 && !r.produces().equals(Route.JSON) ? "string" : "object");
      }
      if (r.access().isPresent()) {
        responses.putObject("401").put("description", "no or an unknown bearer token");
        responses.putObject("403").put("description", "the token's role is too low");
      }
    }
    doc.putObject("components").putObject("securitySchemes").putObject("bearer")
        .put("type", "http").put("scheme", "bearer");
    return doc;
  }
}
