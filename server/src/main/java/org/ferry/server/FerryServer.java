package org.ferry.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ferry.run.RunService;
import org.ferry.server.auth.Authenticator;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.ferry.server.auth.TlsSettings;
import org.ferry.server.auth.TokenStore;
import org.ferry.server.auth.Role;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.WorkflowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST API over a run service: {@code /api/v1/runs} (and their events), {@code
 * /api/v1/inventory}, {@code /api/v1/fibers}, {@code /api/v1/lightpaths}, {@code /metrics},
 * {@code /openapi.json} and {@code /health}. Every route but {@code /health} needs a bearer
 * token whose role is at least the route's. Errors are RFC 9457 problem details.
 *
 * <p>Subscribes to the run service when built, so it sees every event from then on; starting the
 * run service (following the optical controller) is the caller's business. Thread-safe.
 */
public final class FerryServer implements AutoCloseable {

  /** The prefix of the API's collections. */
  public static final String API = "/api/v1";
  /** The largest request body taken; a larger one is 413. */
  public static final long MAX_BODY_BYTES = 64 * 1024;
  private static final Duration PROGRESS_TICK = Duration.ofSeconds(3);
  private static final Logger log = LoggerFactory.getLogger(FerryServer.class);

  private final RunService runs;
  private final EventHub hub = new EventHub();
  private final PrometheusMeterRegistry registry;
  private final List<Route> routes;
  private final Guard guard;
  private volatile Javalin app;
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
      r -> Thread.ofPlatform().daemon().name("ferry-progress").unstarted(r));
  private volatile boolean draining;

  /** A server with a registry of its own: /metrics shows the runs' meters only. */
  public FerryServer(RunService runs, Southbound southbound, WorkflowSettings settings,
      Authenticator authenticator, InventorySource inventory) {
    this(runs, southbound, settings, authenticator, inventory,
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
  }

  /**
   * @param inventory where PUT inventory goes ({@link InventorySource#NOT_AVAILABLE} for 501)
   * @param registry where the meters go, and what /metrics shows: pass the one a {@link
   *     MeteredOpticalController} under the run service records into
   */
  public FerryServer(RunService runs, Southbound southbound, WorkflowSettings settings,
      Authenticator authenticator, InventorySource inventory, PrometheusMeterRegistry registry) {
    this(new Parts(runs, southbound, settings, authenticator, inventory, registry,
        Optional.empty()));
  }

  /**
   * What a server serves and with what it checks callers.
   *
   * @param inventory where PUT inventory goes ({@link InventorySource#NOT_AVAILABLE} for 501)
   * @param registry where the meters go, and what /metrics shows
   * @param tokens the token store an admin manages over {@code /api/v1/tokens}; without one
   *     those routes are not served
   */
  public record Parts(RunService runs, Southbound southbound, WorkflowSettings settings,
      Authenticator authenticator, InventorySource inventory, PrometheusMeterRegistry registry,
      Optional<TokenStore> tokens) {
    public Parts {
      Objects.requireNonNull(runs, "runs");
      Objects.requireNonNull(southbound, "southbound");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(authenticator, "authenticator");
      Objects.requireNonNull(inventory, "inventory");
      Objects.requireNonNull(registry, "registry");
      Objects.requireNonNull(tokens, "tokens");
    }
  }

  /** A server over {@code parts}; it listens once {@link #start}ed. */
  public FerryServer(Parts parts) {
    RunService runs = parts.runs();
    Southbound southbound = parts.southbound();
    WorkflowSettings settings = parts.settings();
    InventorySource inventory = parts.inventory();
    PrometheusMeterRegistry registry = parts.registry();
    this.runs = runs;
    this.registry = registry;
    this.guard = new Guard(parts.authenticator());
    RunMetrics metrics = new RunMetrics(registry);
    runs.subscribe(hub::publish);
    runs.subscribe(metrics::record);
    List<Route> table = new ArrayList<>();
    table.addAll(new HealthResource(() -> draining).routes());
    // runs/events before runs/{id}: Javalin takes the first route that matches.
    table.addAll(new RunEventsResource(runs.store(), hub).routes());
    table.addAll(new RunsResource(runs, new WhatIf(southbound, settings)).routes());
    table.addAll(new InventoryResource(southbound, inventory).routes());
    table.addAll(new OpticalResource(southbound.optical()).routes());
    table.addAll(new MetricsResource(registry).routes());
    table.addAll(TokensResource.routesOf(parts.tokens()));
    // The document is built from this.routes when asked for, so it lists itself too.
    table.add(Route.of(HandlerType.GET, "/openapi.json", Role.VIEWER, "This OpenAPI document",
        List.of(200), ctx -> WireJson.answer(ctx, 200, OpenApiDocument.of(routes(), "1"))));
    this.routes = List.copyOf(table);
  }

  /** The HTTP side, HTTPS if {@code tls} is given; its routes are this server's table. */
  private Javalin create(Optional<TlsSettings> tls, String host, int port) {
    return Javalin.create(cfg -> {
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      cfg.startup.showJavalinBanner = false;
      if (tls.isPresent()) {
        TlsSettings.applyTo(cfg, tls.get(), host, port);
      } else {
        cfg.jetty.addConnector((server, http) -> {
          ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
          connector.setHost(host);
          connector.setPort(port);
          connector.setAcceptQueueSize(TlsSettings.ACCEPT_QUEUE);
          return connector;
        });
      }
      ErrorHandling.install(cfg);
      for (Route r : routes) {
        cfg.routes.addHttpHandler(r.method(), r.path(), ctx -> serve(r, ctx));
      }
    });
  }

  private void serve(Route route, Context ctx) throws Exception {
    if (route.access().isPresent()) {
      guard.check(ctx, route.access().get());
    }
    if (route.takesBody()) {
      checkBody(ctx);
    }
    route.handler().handle(ctx);
  }

  private static void checkBody(Context ctx) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(Route.JSON)) {
      throw Problem.of(415, "Unsupported media type", "the body must be " + Route.JSON
          + ", got " + (type == null ? "none" : type)).withField("Content-Type")
          .withFix("send Content-Type: application/json").toException();
    }
    if (ctx.contentLength() > MAX_BODY_BYTES) {
      throw Problem.of(413, "Body too large", "the body is " + ctx.contentLength()
          + " bytes; at most " + MAX_BODY_BYTES + " are taken").toException();
    }
  }

  /** Starts listening. {@code port} 0 picks a free port: see {@link #port()}. */
  public FerryServer start(String host, int port) {
    return start(host, port, Optional.empty());
  }

  /**
   * Starts listening, with HTTPS only if {@code tls} is given. {@code port} 0 picks a free port:
   * see {@link #port()}.
   *
   * @throws IllegalStateException if it was started already
   */
  public synchronized FerryServer start(String host, int port, Optional<TlsSettings> tls) {
    if (app != null) {
      throw new IllegalStateException("the server is started already");
    }
    app = create(tls, host, port);
    app.start(); // the connector carries the host and port
    ticker.scheduleAtFixedRate(this::tick, PROGRESS_TICK.toMillis(), PROGRESS_TICK.toMillis(),
        TimeUnit.MILLISECONDS);
    return this;
  }

  private void tick() {
    try {
      runs.tickProgress();
    } catch (RuntimeException e) {
      log.warn("progress tick failed: {}", e.toString());
    }
  }

  /** The port it listens on, once started. */
  public int port() {
    return app.port();
  }

  /**
   * Stops taking runs (health turns 503), and lets the runs in flight finish within {@code
   * bound}, as {@link RunService#drain} does. The HTTP server goes on answering until {@link
   * #close()}.
   *
   * @return true if no run is left running
   */
  public boolean drain(Duration bound) {
    draining = true;
    return runs.drain(bound);
  }

  /** The routes served, in the order they were registered. */
  public List<Route> routes() {
    return routes;
  }

  /** The Javalin app; for tests that walk what it actually serves. */
  Javalin javalin() {
    return app;
  }

  /** Ends the event streams and stops the HTTP server. */
  @Override
  public void close() {
    ticker.shutdownNow();
    hub.close();
    if (app != null) {
      app.stop();
    }
  }
}
