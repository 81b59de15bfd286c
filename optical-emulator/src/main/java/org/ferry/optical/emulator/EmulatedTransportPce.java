package org.ferry.optical.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulated TransportPCE: the RESTCONF northbound API (RFC 8040, JSON, basic auth) of its
 * service handler, PCE and topology, over an emulated OpenROADM network, plus an admin API to
 * inject faults and a long-polled notification stream. The endpoints, the topology file and the
 * naming are documented in {@code docs/optical-emulator.md}.
 *
 * <p>Start it with {@link #start(int)}, stop it with {@link #close()}. Thread-safe.
 */
public final class EmulatedTransportPce implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmulatedTransportPce.class);
  /** The largest request body accepted; larger ones get 413. */
  public static final int MAX_BODY_BYTES = 256 * 1024;
  private static final String JSON_TYPE = "application/json";
  private static final String SERVICE = "org-openroadm-service:";
  private static final Duration MAX_WAIT = Duration.ofSeconds(30);

  private final ObjectMapper mapper = new ObjectMapper();
  private final Notifications notifications = new Notifications();
  private final ScheduledExecutorService scheduler;
  private final ServiceHandler handler;
  private final AdminApi admin;
  private final PathComputationRpc pathComputation;
  private final String authorization;
  private Javalin server;

  /**
   * An emulator over a topology, not yet serving.
   *
   * @param topology the network and its start-up services (created in service at once)
   * @param timings how long computation, set-up and deletion take
   * @param user the basic-auth user
   * @param password its password
   */
  public EmulatedTransportPce(TopologyFile topology, Timings timings, String user,
      String password) {
    Objects.requireNonNull(topology, "topology");
    this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "emulated-tpce-lifecycle");
      t.setDaemon(true);
      return t;
    });
    this.handler = new ServiceHandler(topology.network(), Objects.requireNonNull(timings),
        notifications, scheduler);
    topology.services().forEach(s -> handler.provision(s.name(), s.aEnd(), s.zEnd(),
        s.restorable()));
    this.admin = new AdminApi(handler, notifications);
    this.pathComputation = new PathComputationRpc(handler);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Serves on 127.0.0.1 and the port given (0 for any free port); returns once it listens. */
  public synchronized EmulatedTransportPce start(int port) {
    return start("127.0.0.1", port);
  }

  /** Serves on the address and port given; returns once it listens. */
  public synchronized EmulatedTransportPce start(String host, int port) {
    server = Javalin.create(cfg -> {
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      cfg.startup.showJavalinBanner = false;
      cfg.routes.before(this::authenticate);
      cfg.routes.post("/rests/operations/{rpc}", this::operation);
      cfg.routes.get("/rests/data/*", this::data);
      cfg.routes.post("/ferry/admin/{action}", ctx -> json(ctx, admin.act(
          ctx.pathParam("action"), body(ctx))));
      cfg.routes.get("/ferry/admin/spectrum", ctx -> json(ctx, admin.spectrum()));
      cfg.routes.get("/ferry/notifications", this::notificationsSince);
      cfg.routes.exception(RestconfException.class, (e, ctx) -> error(ctx, e));
      cfg.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx,
          new RestconfException(e.getStatus(), "protocol",
              e.getStatus() == 413 ? "too-big" : "malformed-message", e.getMessage())));
      cfg.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("emulator failed on {} {}", ctx.method(), ctx.path(), e);
        error(ctx, new RestconfException(500, "application", "operation-failed",
            "the emulator failed: " + e));
      });
      cfg.routes.error(404, ctx -> {
        if (ctx.result() == null || ctx.result().isEmpty()) {
          error(ctx, new RestconfException(404, "protocol", "invalid-value",
              "no resource at " + ctx.method() + " " + ctx.path()));
        }
      });
    });
    server.start(host, port);
    log.info("emulated TransportPCE listening on http://{}:{}/rests", host, server.port());
    return this;
  }

  /** The port it listens on. */
  public synchronized int port() {
    if (server == null) {
      throw new IllegalStateException("the emulator is not started");
    }
    return server.port();
  }

  /** Fault injection and inspection, as the admin endpoints offer them. */
  public AdminApi admin() {
    return admin;
  }

  @Override
  public synchronized void close() {
    notifications.close();
    if (server != null) {
      server.stop();
      server = null;
    }
    scheduler.shutdownNow();
  }

  private void authenticate(Context ctx) {
    if (!authorization.equals(ctx.header("Authorization"))) {
      ctx.header("WWW-Authenticate", "Basic realm=\"RESTCONF\"");
      throw new RestconfException(401, "protocol", "access-denied",
          "Unauthorized: basic authentication with a valid user and password is required");
    }
  }

  private void operation(Context ctx) throws JsonProcessingException {
    String rpc = ctx.pathParam("rpc");
    JsonNode body = body(ctx);
    String module = rpc.contains(":") ? rpc.substring(0, rpc.indexOf(':')) : "";
    ObjectNode reply = switch (rpc) {
      case SERVICE + "service-create" -> handler.create(InputReader.input(body, module), false);
      case SERVICE + "temp-service-create" ->
          handler.create(InputReader.input(body, module), true);
      case SERVICE + "service-delete" -> handler.delete(InputReader.input(body, module));
      case SERVICE + "temp-service-delete" -> handler.tempDelete(InputReader.input(body, module));
      case SERVICE + "service-reroute" -> handler.reroute(InputReader.input(body, module));
      case SERVICE + "service-restoration" ->
          handler.restoration(InputReader.input(body, module));
      case SERVICE + "service-feasibility-check" ->
          handler.feasibilityCheck(InputReader.input(body, module));
      case "transportpce-pce:path-computation-request" ->
          pathComputation.call(InputReader.input(body, module));
      case "nbi-notifications:get-notifications-process-service",
          "nbi-notifications:get-notifications-alarm-service" ->
          admin.kafkaStyle(rpc, InputReader.input(body, module));
      default -> throw new RestconfException(404, "protocol", "unknown-element",
          "RPC " + rpc + " is not implemented by the emulator");
    };
    if (reply == null) {
      ctx.status(204);
      return;
    }
    json(ctx, reply);
  }

  private void data(Context ctx) throws JsonProcessingException {
    String path = URLDecoder.decode(ctx.path().substring("/rests/data/".length()),
        StandardCharsets.UTF_8);
    json(ctx, DataPaths.read(handler, path));
  }

  private void notificationsSince(Context ctx) throws JsonProcessingException {
    long after = parseLong(ctx.queryParam("after"), "after", 0);
    long waitMs = Math.min(parseLong(ctx.queryParam("wait-ms"), "wait-ms", 0),
        MAX_WAIT.toMillis());
    List<Notifications.Entry> entries;
    try {
      entries = notifications.after(after, Duration.ofMillis(waitMs));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entries = List.of();
    }
    ObjectNode reply = mapper.createObjectNode();
    var list = reply.putArray("notifications");
    long last = after;
    for (Notifications.Entry e : entries) {
      ObjectNode item = list.addObject();
      item.put("seq", e.seq());
      item.put("topic", e.topic());
      item.setAll(e.body());
      last = e.seq();
    }
    reply.put("last", last);
    reply.put("newest", notifications.last());
    json(ctx, reply);
  }

  Notifications notifications() {
    return notifications;
  }

  private JsonNode body(Context ctx) {
    String length = ctx.header("Content-Length");
    if (length != null && parseLong(length, "Content-Length", 0) > MAX_BODY_BYTES) {
      throw new RestconfException(413, "protocol", "too-big",
          "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    byte[] bytes = ctx.bodyAsBytes();
    if (bytes.length > MAX_BODY_BYTES) {
      throw new RestconfException(413, "protocol", "too-big",
          "the request body is larger than " + MAX_BODY_BYTES + " bytes");
    }
    if (bytes.length == 0) {
      throw RestconfException.badRequest("malformed-message", "the request body is empty");
    }
    try {
      return mapper.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw RestconfException.badRequest("malformed-message",
          "Error parsing input: " + e.getOriginalMessage());
    } catch (java.io.IOException e) {
      throw RestconfException.badRequest("malformed-message", "Error parsing input: " + e);
    }
  }

  private static long parseLong(String value, String what, long otherwise) {
    if (value == null || value.isBlank()) {
      return otherwise;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw RestconfException.badRequest("invalid-value", what + " must be an integer, got '"
          + value + "'");
    }
  }

  private void json(Context ctx, JsonNode node) throws JsonProcessingException {
    ctx.contentType(JSON_TYPE).result(mapper.writeValueAsString(node));
  }

  private void error(Context ctx, RestconfException e) {
    ObjectNode body = mapper.createObjectNode();
    body.putObject("errors").putArray("error").addObject()
        .put("error-type", e.errorType())
        .put("error-tag", e.errorTag())
        .put("error-message", e.getMessage());
    ctx.status(e.status()).contentType(JSON_TYPE).result(body.toString());
  }
}
