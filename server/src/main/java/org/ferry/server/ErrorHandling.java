package org.ferry.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.ferry.run.DrainingException;
import org.ferry.run.RunService;
import org.ferry.workflow.RejectedRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one error shape on the wire: every failure becomes an RFC 9457 problem. Nothing
 * unexpected reaches the client as a stack trace: it is a 500 with a log line.
 */
final class ErrorHandling {

  static final String PROBLEM_JSON = "application/problem+json";
  private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

  private ErrorHandling() {}

  static void install(JavalinConfig cfg) {
    cfg.routes.exception(Problem.Exception.class, (e, ctx) -> write(ctx, e.problem()));
    cfg.routes.exception(RejectedRequestException.class, (e, ctx) ->
        write(ctx, Problem.of(409, "Request rejected", e.getMessage()).withField(e.field())));
    cfg.routes.exception(DrainingException.class, (e, ctx) ->
        write(ctx, Problem.of(503, "Draining", e.getMessage())
            .withFix("retry on another Ferry, or once this one is back")));
    cfg.routes.exception(HttpResponseException.class, (e, ctx) ->
        write(ctx, fromJavalin(e.getStatus(), e.getMessage())));
    cfg.routes.exception(Exception.class, (e, ctx) -> {
      log.error("{} {} failed", ctx.method(), ctx.path(), e);
      write(ctx, Problem.of(500, "Internal error", "Ferry failed to answer; the cause is in"
          + " its log"));
    });
    // Statuses Javalin sets on its own (no such route, a body too large while reading...).
    for (int status : new int[] {404, 405, 413, 500}) {
      cfg.routes.error(status, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          write(ctx, fromJavalin(status, null));
        }
      });
    }
  }

  private static Problem fromJavalin(int status, String message) {
    return switch (status) {
      case 404 -> Problem.of(404, "Not found", "no such route");
      case 405 -> Problem.of(405, "Method not allowed", "the route does not take this method");
      case 413 -> Problem.of(413, "Body too large", "the body is over "
          + FerryServer.MAX_BODY_BYTES + " bytes");
      default -> Problem.of(status, status >= 500 ? "Internal error" : "Bad request",
          message == null ? "HTTP " + status : message);
    };
  }

  static void write(Context ctx, Problem p) {
    var node = WireJson.object();
    node.put("type", p.type());
    node.put("title", p.title());
    node.put("status", p.status());
    node.put("detail", p.detail());
    node.put("instance", ctx.path());
    p.field().ifPresent(f -> node.put("field", f));
    p.fix().ifPresent(f -> node.put("fix", f));
    if (!p.errors().isEmpty()) {
      var errors = node.putArray("errors");
      p.errors().forEach(e -> errors.addObject().put("path", e.path()).put("message",
          e.message()));
    }
    ctx.status(p.status()).contentType(PROBLEM_JSON).result(node.toString());
  }
}
