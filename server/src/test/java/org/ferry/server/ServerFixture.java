package org.ferry.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunService;
import org.ferry.server.auth.Authenticator;
import org.ferry.server.auth.Role;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;

/**
 * A Ferry server over the reference setting in the twin, on a free loopback port, runs on a
 * small pool; and an HTTP client that talks to it. Tokens: "viewer", "operator", "admin".
 */
final class ServerFixture implements AutoCloseable {

  static final Authenticator TOKENS = token -> Optional.ofNullable(Map.of(
      "viewer", Role.VIEWER, "operator", Role.OPERATOR, "admin", Role.ADMIN).get(token));

  final SimulatedDeployment deployment =
      SimulatedDeployment.referenceSetting(ReferenceSetting.Options.defaults());
  private final ExecutorService pool = Executors.newFixedThreadPool(2);
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  final Southbound southbound = metered(deployment.southbound(), registry);
  final RunService runs = new RunService(southbound, deployment.workflowSettings(),
      new InMemoryRunStore(), pool, RunListener.NONE);
  final FerryServer server = new FerryServer(runs, southbound, deployment.workflowSettings(),
      TOKENS, InventorySource.NOT_AVAILABLE, registry);
  final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The twin's southbound with its optical controller timed into {@code registry}. */
  static Southbound metered(Southbound sb, PrometheusMeterRegistry registry) {
    return new Southbound(new MeteredOpticalController(sb.optical(), registry), sb.flows(),
        sb.compute(), sb.probe(), sb.vnfs(), sb.time());
  }

  ServerFixture() {
    runs.start();
    server.start("127.0.0.1", 0);
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET().build());
  }

  HttpResponse<String> post(String path, String token, String body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
  }

  HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return WireJson.MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
    pool.shutdownNow();
  }
}
