package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ferry.app.cli.ServerCommandAccess;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.network.FiberId;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry server} with its optical layer on the emulator over HTTP and compute in the twin:
 * a fibre cut at the emulator starts the fault-recovery flow in the server on its own, the run
 * shows over the API with every step and figure, and its events arrive on the stream in order.
 * Once on the reference setting, once on a network that has nothing of it (three compute sites,
 * two cell sites, 5G kinds), with the emulator playing that network's controller.
 */
class ServerOverEmulatorTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void aCutAtTheEmulatorRelocatesTheReferenceEpcOnItsOwn() throws Exception {
    JsonNode run = cutAndFollow(TopologyFile.defaults(), List.of(), "fiber-ran-a");

    assertThat(run.path("outcome").asText()).isEqualTo("relocated");
    assertThat(run.path("trigger").path("fiber").asText()).isEqualTo("fiber-ran-a");
    assertThat(run.path("moves")).extracting(m -> m.path("vnf").asText())
        .containsExactlyInAnyOrder("hss-1", "mme-1", "spgw-1");
    assertThat(steps(run)).startsWith("failure-detected", "optical-restoration", "sla-check",
        "plan", "temp-lightpath-setup", "management-steering").endsWith("temp-lightpath-release");
    // The restored backhaul is the controller's: the long way round, 75 km.
    assertThat(run.path("steps").get(1).path("detail").asText()).contains("75 km");
  }

  @Test
  void aCutAtTheEmulatorRelocatesWhatMissesItsSlaOnAnotherNetwork() throws Exception {
    Path ring = Path.of("..", "examples", "five-g-ring.yaml");
    TopologyFile network = org.ferry.app.cli.OpticalEmulatorAccess.fromInventory(
        InventoryLoader.load(ring));

    JsonNode run = cutAndFollow(network, List.of("--inventory", ring.toString()), "f-north-e1");

    assertThat(run.path("outcome").asText()).isEqualTo("relocated");
    assertThat(run.path("moves")).singleElement().satisfies(m -> {
      assertThat(m.path("kind").asText()).isEqualTo("UPF");
      assertThat(m.path("to").asText()).startsWith("edge-2/");
    });
  }

  /** Starts the emulator and the server, cuts the fibre, and returns the run as the API has it. */
  private JsonNode cutAndFollow(TopologyFile network, List<String> extraArgs, String fiber)
      throws Exception {
    String token = new TokenStore(dataDir).create(Role.VIEWER, "test").token();
    try (EmulatedTransportPce emulator = new EmulatedTransportPce(network,
        Timings.withSetupDelay(Duration.ofMillis(100)), "admin", "admin")
        .start("127.0.0.1", 0)) {
      String optical = "http://127.0.0.1:" + emulator.port();
      List<String> args = new ArrayList<>(List.of("--listen", "127.0.0.1:0", "--optical",
          optical, "--data-dir", dataDir.toString(), "--drain-timeout", "5"));
      args.addAll(extraArgs);
      StringWriter out = new StringWriter();
      try (AutoCloseable server = ServerCommandAccess.start(new PrintWriter(out), args)) {
        String base = ServerCommandAccess.baseUrl(out);
        HttpClient http = HttpClient.newHttpClient();
        List<String> events = new CopyOnWriteArrayList<>();
        CountDownLatch ended = new CountDownLatch(1);
        http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/runs/events"))
            .header("Authorization", "Bearer " + token).build(),
            HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> {
              try (Stream<String> lines = r.body()) {
                lines.filter(l -> l.startsWith("event:")).forEach(l -> {
                  events.add(l.substring(6).strip());
                  if (l.contains("ended") && !l.contains("step-ended")
                      && !l.contains("move-ended")) {
                    ended.countDown();
                  }
                });
              }
            });
        Thread.sleep(300); // the stream is open before the cut

        new EmulatorAdmin(TransportPceSettings.defaults(optical)).cut(FiberId.of(fiber));

        assertThat(ended.await(60, TimeUnit.SECONDS)).as("the run ended; events: " + events)
            .isTrue();
        assertThat(events.getFirst()).isEqualTo("queued");
        assertThat(events.get(1)).isEqualTo("started");
        assertThat(events.get(2)).isEqualTo("step-started");
        assertThat(events.getLast()).isEqualTo("ended");
        JsonNode page = get(http, base + "/api/v1/runs", token);
        assertThat(page.path("total").asInt()).isEqualTo(1);
        String id = page.path("runs").get(0).path("id").asText();
        JsonNode run = get(http, base + "/api/v1/runs/" + id, token);
        assertThat(run.path("status").asText()).isEqualTo("ended");
        assertThat(run.path("trigger").path("type").asText()).isEqualTo("fault-recovery");
        for (JsonNode move : run.path("moves")) {
          assertThat(move.path("migration_s").path("value").asDouble()).isPositive();
          assertThat(move.path("downtime_s").path("source").asText()).isEqualTo("simulated");
          assertThat(move.path("prediction").path("downtime_s").path("source").asText())
              .isEqualTo("predicted");
        }
        assertThat(events.stream().filter(e -> e.equals("step-ended")).count())
            .isEqualTo(run.path("steps").size());
        return run;
      }
    }
  }

  private static List<String> steps(JsonNode run) {
    List<String> steps = new ArrayList<>();
    run.path("steps").forEach(s -> steps.add(s.path("step").asText()));
    return steps;
  }

  private static JsonNode get(HttpClient http, String url, String token) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }
}
