package org.ferry.server;

import io.javalin.http.Context;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.ferry.server.auth.Authenticator;
import org.ferry.server.auth.Role;

/**
 * Lets a request through to its route only if its bearer token carries the route's role: no or
 * an unknown token is 401 (with {@code WWW-Authenticate: Bearer}), too low a role is 403.
 */
final class Guard {

  private static final String BEARER = "bearer ";
  private final Authenticator authenticator;

  Guard(Authenticator authenticator) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
  }

  /**
   * @throws Problem.Exception with 401 or 403 when the request may not use the route
   */
  void check(Context ctx, Role needed) {
    String header = ctx.header("Authorization");
    if (header == null || !header.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || header.substring(BEARER.length()).isBlank()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"ferry\"");
      throw Problem.of(401, "Unauthorized", "this route needs a bearer token")
          .withFix("send Authorization: Bearer <token>").toException();
    }
    Optional<Role> role = authenticator.authenticate(header.substring(BEARER.length()).trim());
    if (role.isEmpty()) {
      ctx.header("WWW-Authenticate", "Bearer realm=\"ferry\", error=\"invalid_token\"");
      throw Problem.of(401, "Unauthorized", "the bearer token is not known")
          .withFix("ask an administrator for a token").toException();
    }
    if (!role.get().includes(needed)) {
      throw Problem.of(403, "Forbidden", "this route needs the " + name(needed) + " role; the"
          + " token carries " + name(role.get())).toException();
    }
  }

  private static String name(Role role) {
    return role.name().toLowerCase(Locale.ROOT);
  }
}
