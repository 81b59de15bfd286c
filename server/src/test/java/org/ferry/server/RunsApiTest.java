package org.ferry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.server.ServerFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ferry.model.report.RunReport;
import org.ferry.run.RunId;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The runs over the API, with the reference twin underneath: a fibre cut starts a fault run on
 * its own, which the API shows step by step and streams as events; a planned move by POST; a
 * what-if that changes nothing.
 */
class RunsApiTest {

  private final ServerFixture f = new ServerFixture();

  @AfterEach
  void close() {
    f.close();
  }

  @Test
  void aFibreCutStartsAFaultRunThatTheApiShowsWithEveryStepAndFigure() throws Exception {
    f.deployment.world().optical().cutFiber(ReferenceSetting.FIBER_RAN_A);
    RunId id = awaitOneRun();

    JsonNode run = json(f.get(RunsResource.RUNS + "/" + id, "viewer"));
    assertThat(run.path("status").asText()).isEqualTo("ended");
    assertThat(run.path("outcome").asText()).isEqualTo("relocated");
    assertThat(run.path("trigger").path("type").asText()).isEqualTo("fault-recovery");
    assertThat(run.path("trigger").path("fiber").asText()).isEqualTo("fiber-ran-a");
    RunReport report = f.runs.store().find(id).orElseThrow().report().orElseThrow();
    assertThat(run.path("steps")).hasSize(report.steps().size());
    assertThat(run.path("moves")).hasSize(3);
    JsonNode move = run.path("moves").get(0);
    assertThat(move.path("downtime_s").path("source").asText()).isNotEmpty();
    assertThat(move.path("migration_s").path("value").asDouble()).isPositive();
    assertThat(move.path("phases")).isNotEmpty();
    assertThat(move.path("prediction").path("downtime_s").path("source").asText())
        .isEqualTo("predicted");

    JsonNode page = json(f.get(RunsResource.RUNS + "?trigger=fault-recovery&status=ended",
        "viewer"));
    assertThat(page.path("total").asInt()).isEqualTo(1);
    assertThat(json(f.get(RunsResource.RUNS + "?trigger=planned-move", "viewer"))
        .path("total").asInt()).isZero();
  }

  @Test
  void aRunsEventsArriveOnTheStreamInOrderAndAReconnectCatchesUp() throws Exception {
    CompletableFuture<HttpResponse<Stream<String>>> stream = f.http.sendAsync(
        f.request(RunsResource.RUNS + "/events", "viewer").GET().build(),
        HttpResponse.BodyHandlers.ofLines());
    HttpResponse<Stream<String>> response = stream.get(10, TimeUnit.SECONDS);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("text/event-stream");

    f.deployment.world().optical().cutFiber(ReferenceSetting.FIBER_RAN_A);
    List<String> types = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    var lines = response.body().iterator();
    while (!types.contains("ended") && lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event: ")) {
        types.add(line.substring(7));
      } else if (line.startsWith("id: ")) {
        ids.add(Long.parseLong(line.substring(4)));
      }
    }
    response.body().close();
    assertThat(types.getFirst()).isEqualTo("queued");
    assertThat(types.get(1)).isEqualTo("started");
    assertThat(types.get(2)).isEqualTo("step-started");
    assertThat(types.getLast()).isEqualTo("ended");
    assertThat(types).contains("step-ended", "move-ended");
    assertThat(ids).isSorted().doesNotHaveDuplicates();

    // One run's stream, from just after its fifth event: the rest of the run, then it ends.
    RunId id = awaitOneRun();
    HttpResponse<String> rest = f.send(f.request(RunsResource.RUNS + "/" + id + "/events",
        "viewer").header("Last-Event-ID", Long.toString(ids.get(4))).GET().build());
    List<Long> restIds = rest.body().lines().filter(l -> l.startsWith("id: "))
        .map(l -> Long.parseLong(l.substring(4))).toList();
    assertThat(restIds).isEqualTo(ids.subList(5, ids.size()));
  }

  @Test
  void aPlannedMoveIsAcceptedWithItsLocationAndRuns() {
    HttpResponse<String> accepted = f.post(RunsResource.RUNS, "operator",
        "{\"type\":\"planned-move\",\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}");
    assertThat(accepted.statusCode()).isEqualTo(202);
    String location = accepted.headers().firstValue("Location").orElseThrow();
    RunId id = RunId.of(json(accepted).path("id").asText());
    assertThat(location).isEqualTo(RunsResource.RUNS + "/" + id);

    assertThat(f.runs.await(id, Duration.ofSeconds(30))).isPresent();
    JsonNode run = json(f.get(location, "viewer"));
    assertThat(run.path("trigger").path("type").asText()).isEqualTo("planned-move");
    assertThat(run.path("status").asText()).isEqualTo("ended");
    assertThat(run.path("moves")).isNotEmpty();
    assertThat(json(f.post(location + "/cancel", "operator", "{}")).path("result").asText())
        .isEqualTo("already-ended");
  }

  @Test
  void aWhatIfPredictsEveryApproachAndChangesNothing() {
    var before = f.deployment.vnfs().all();
    HttpResponse<String> answer = f.post(RunsResource.RUNS, "operator",
        "{\"type\":\"what-if\",\"vnfs\":[\"mme-1\",\"hss-1\"],\"destination\":\"site-b\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonNode body = json(answer);
    assertThat(body.path("vnfs")).hasSize(2);
    JsonNode hss = body.path("vnfs").get(0);
    assertThat(hss.path("vnf").asText()).isEqualTo("hss-1");
    assertThat(hss.path("approaches")).isNotEmpty();
    assertThat(hss.path("approaches").get(0).path("downtime_s").path("value").asDouble())
        .isPositive();
    assertThat(hss.path("chosen").asText()).isNotEmpty();
    assertThat(hss.path("reason").asText()).isNotEmpty();
    assertThat(hss.path("path").path("route_km").asDouble()).isPositive();
    assertThat(f.deployment.vnfs().all()).isEqualTo(before);
    assertThat(f.runs.store().list(org.ferry.run.RunQuery.all()).total()).isZero();
  }

  @Test
  void healthIsUpThenDrainingAndTheApiRefusesNewRuns() {
    HttpResponse<String> up = f.get("/health", null);
    assertThat(up.statusCode()).isEqualTo(200);
    assertThat(json(up).path("status").asText()).isEqualTo("up");

    assertThat(f.server.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(f.get("/health", null).statusCode()).isEqualTo(503);
    HttpResponse<String> refused = f.post(RunsResource.RUNS, "operator",
        "{\"type\":\"planned-move\",\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}");
    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
  }

  @Test
  void metricsCountRunsAndRecordDowntimes() {
    f.deployment.world().optical().cutFiber(ReferenceSetting.FIBER_RAN_A);
    awaitOneRun();
    String text = f.get("/metrics", "viewer").body();
    assertThat(text).contains("ferry_runs_ended_total{outcome=\"relocated\"")
        .contains("ferry_move_downtime_seconds_count").contains("ferry_moves_total")
        .contains("quantile=\"0.99\"")
        .contains("ferry_optical_requests_seconds_count{operation=\"temp-service-create\","
            + "outcome=\"ok\"}");
  }

  private RunId awaitOneRun() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      var page = f.runs.store().list(org.ferry.run.RunQuery.all());
      if (page.total() == 1) {
        // Awaiting the run also waits until every subscriber was told of its end.
        RunId id = page.runs().getFirst().id();
        assertThat(f.runs.await(id, Duration.ofSeconds(30))).isPresent();
        return id;
      }
      sleepBriefly();
    }
    throw new AssertionError("no run ended within 30 s");
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
