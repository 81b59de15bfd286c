package org.ferry.server;

import static io.javalin.http.HandlerType.GET;

import java.util.List;
import java.util.function.BooleanSupplier;

/** {@code /health}, open to all: 200 {"status":"up"} while serving, 503 while draining. */
final class HealthResource {

  private final BooleanSupplier draining;

  HealthResource(BooleanSupplier draining) {
    this.draining = draining;
  }

  List<Route> routes() {
    return List.of(Route.of(GET, "/health", org.ferry.server.auth.Role.VIEWER,
        "Liveness: up, or draining (503); needs no token", List.of(200, 503), ctx -> {
          boolean down = draining.getAsBoolean();
          WireJson.answer(ctx, down ? 503 : 200,
              WireJson.object().put("status", down ? "draining" : "up"));
        }).open());
  }
}
