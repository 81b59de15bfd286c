package org.ferry.server;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.POST;
import static org.ferry.server.WireJson.object;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.List;
import java.util.Optional;
import org.ferry.server.auth.IssuedToken;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenInfo;
import org.ferry.server.auth.TokenStore;

/**
 * {@code /api/v1/tokens}: the API tokens, for an admin: list them (never their secrets), issue
 * one (its text is in the answer once and nowhere else), revoke one. The same store as {@code
 * ferry token}, so a token issued or revoked either way is seen by the other at once.
 */
final class TokensResource {

  /** A request to issue a token. */
  record TokenRequest(String role, String label) {}

  private final TokenStore store;

  TokensResource(TokenStore store) {
    this.store = store;
  }

  List<Route> routes() {
    return List.of(
        Route.of(GET, FerryServer.API + "/tokens", Role.ADMIN, "The API tokens: id, role,"
            + " label, when issued; never a secret", List.of(200),
            ctx -> WireJson.answer(ctx, 200, list())),
        Route.of(POST, FerryServer.API + "/tokens", Role.ADMIN, "Issue a token: {\"role\":"
            + " \"viewer|operator|admin\", \"label\": \"...\"}; the answer holds it once",
            List.of(201, 400, 415), this::issue),
        Route.of(DELETE, FerryServer.API + "/tokens/{id}", Role.ADMIN, "Revoke a token",
            List.of(204, 404), this::revoke));
  }

  private ObjectNode list() {
    ObjectNode node = object();
    ArrayNode tokens = node.putArray("tokens");
    store.list().forEach(t -> tokens.add(describe(t)));
    return node;
  }

  private void issue(Context ctx) {
    TokenRequest request = WireJson.read(WireJson.tree(ctx), TokenRequest.class);
    if (request.role() == null) {
      throw Problem.of(400, "Invalid request", "role is missing").withField("role")
          .withFix("give one of " + Role.ids()).toException();
    }
    Role role;
    try {
      role = Role.parse(request.role());
    } catch (IllegalArgumentException e) {
      throw Problem.of(400, "Invalid request", e.getMessage()).withField("role")
          .withFix("give one of " + Role.ids()).toException();
    }
    String label = request.label() == null ? "" : request.label();
    IssuedToken issued;
    try {
      issued = store.create(role, label);
    } catch (IllegalArgumentException e) {
      throw Problem.of(400, "Invalid request", e.getMessage()).withField("label").toException();
    }
    ObjectNode answer = describe(issued.info());
    answer.put("token", issued.token());
    ctx.header("Location", FerryServer.API + "/tokens/" + issued.info().id());
    WireJson.answer(ctx, 201, answer);
  }

  private void revoke(Context ctx) {
    String id = ctx.pathParam("id");
    if (!store.revoke(id)) {
      throw Problem.of(404, "Not found", "no token " + id).toException();
    }
    ctx.status(204);
  }

  private static ObjectNode describe(TokenInfo t) {
    ObjectNode n = object();
    n.put("id", t.id());
    n.put("role", t.role().id());
    n.put("created", t.created().toString());
    t.label().ifPresent(l -> n.put("label", l));
    return n;
  }

  /** The routes, or none when the server was given no token store. */
  static List<Route> routesOf(Optional<TokenStore> store) {
    return store.map(s -> new TokensResource(s).routes()).orElse(List.of());
  }
}
