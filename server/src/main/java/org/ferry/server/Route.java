package org.ferry.server;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ferry.server.auth.Role;

/**
 * One route of the API: what the server registers and what the OpenAPI document describes, from
 * the same value, so the two cannot drift.
 *
 * @param method the HTTP method
 * @param path the path, Javalin style ({@code /api/v1/runs/{id}})
 * @param access the least role the route needs, or empty for a public route (only /health)
 * @param summary one line for the OpenAPI document
 * @param responses the statuses it answers with on success and on the errors it expects
 * @param produces the media type of a successful answer
 * @param handler what serves it; the guard runs first
 */
public record Route(HandlerType method, String path, Optional<Role> access, String summary,
    List<Integer> responses, String produces, Handler handler) {

  public static final String JSON = "application/json";

  public Route {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(access, "access");
    Objects.requireNonNull(summary, "summary");
    responses = List.copyOf(responses);
    Objects.requireNonNull(produces, "produces");
    Objects.requireNonNull(handler, "handler");
  }

  /** A JSON route that needs {@code role}. */
  public static Route of(HandlerType method, String path, Role role, String summary,
      List<Integer> responses, Handler handler) {
    return new Route(method, path, Optional.of(role), summary, responses, JSON, handler);
  }

  public Route producing(String mediaType) {
    return new Route(method, path, access, summary, responses, mediaType, handler);
  }

  public Route open() {
    return new Route(method, path, Optional.empty(), summary, responses, produces, handler);
  }

  /** Whether it takes a request body (POST, PUT, PATCH). */
  public boolean takesBody() {
    return method == HandlerType.POST || method == HandlerType.PUT
        || method == HandlerType.PATCH;
  }
}
