package org.ferry.server;

import static io.javalin.http.HandlerType.GET;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.ferry.server.auth.Role;

/** {@code /metrics}: every meter, as Prometheus text (exposition format 0.0.4). */
final class MetricsResource {

  static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
  private final PrometheusMeterRegistry registry;

  MetricsResource(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  List<Route> routes() {
    return List.of(Route.of(GET, "/metrics", Role.VIEWER, "Prometheus metrics", List.of(200),
        ctx -> ctx.contentType(PROMETHEUS_TEXT).result(registry.scrape()))
        .producing(PROMETHEUS_TEXT));
  }
}
