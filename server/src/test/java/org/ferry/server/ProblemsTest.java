package org.ferry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.server.ServerFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every bad request gets one shape of answer, an RFC 9457 problem naming the field at fault, and
 * changes nothing: no run is queued, no VNF moves.
 */
class ProblemsTest {

  private final ServerFixture f = new ServerFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private JsonNode problem(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
    JsonNode body = json(response);
    assertThat(body.path("status").asInt()).isEqualTo(status);
    assertThat(body.path("type").asText()).startsWith(Problem.TYPE_BASE);
    assertThat(body.path("title").asText()).isNotEmpty();
    assertThat(body.path("detail").asText()).isNotEmpty().doesNotContain("at org.");
    return body;
  }

  private void nothingChanged() {
    assertThat(f.runs.store().list(org.ferry.run.RunQuery.all()).total()).isZero();
    assertThat(f.deployment.vnfs().all()).allSatisfy(v ->
        assertThat(v.placement().site().value()).isEqualTo("site-a"));
  }

  @Test
  void aBodyThatIsNotJsonIs400() {
    problem(f.post(RunsResource.RUNS, "operator", "{\"type\": planned"), 400);
    nothingChanged();
  }

  @Test
  void anUnknownFieldIs400NamingIt() {
    JsonNode p = problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"planned-move\","
        + "\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\",\"force\":true}"), 400);
    assertThat(p.path("field").asText()).isEqualTo("force");
    assertThat(p.path("fix").asText()).contains("destination");
    nothingChanged();
  }

  @Test
  void aMissingOrInvalidFieldIs400NamingIt() {
    assertThat(problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"planned-move\","
        + "\"vnfs\":[\"mme-1\"]}"), 400).path("field").asText()).isEqualTo("destination");
    assertThat(problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"teleport\","
        + "\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}"), 400).path("field").asText())
        .isEqualTo("type");
    assertThat(problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"planned-move\","
        + "\"vnfs\":\"mme-1\",\"destination\":\"site-b\"}"), 400).path("field").asText())
        .isEqualTo("vnfs");
    nothingChanged();
  }

  @Test
  void aRequestTheRunServiceRejectsIs409WithItsField() {
    JsonNode p = problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"planned-move\","
        + "\"vnfs\":[\"mme-9\"],\"destination\":\"site-b\"}"), 409);
    assertThat(p.path("field").asText()).isEqualTo("vnfs");
    assertThat(problem(f.post(RunsResource.RUNS, "operator", "{\"type\":\"what-if\","
        + "\"vnfs\":[\"mme-1\"],\"destination\":\"site-a\"}"), 409).path("field").asText())
        .isNotEmpty();
    nothingChanged();
  }

  @Test
  void aWrongContentTypeIs415() {
    HttpResponse<String> r = f.send(f.request(RunsResource.RUNS, "operator")
        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(
            "{\"type\":\"planned-move\",\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}"))
        .build());
    assertThat(problem(r, 415).path("field").asText()).isEqualTo("Content-Type");
    nothingChanged();
  }

  @Test
  void aBodyOverTheLimitIs413() {
    String big = "{\"type\":\"planned-move\",\"vnfs\":[\"" + "m".repeat(70_000)
        + "\"],\"destination\":\"site-b\"}";
    problem(f.post(RunsResource.RUNS, "operator", big), 413);
    nothingChanged();
  }

  @Test
  void anUnknownRunIs404AndABadFilterIs400() {
    problem(f.get(RunsResource.RUNS + "/run-nope", "viewer"), 404);
    problem(f.post(RunsResource.RUNS + "/run-nope/cancel", "operator", "{}"), 404);
    problem(f.get(RunsResource.RUNS + "/run-nope/events", "viewer"), 404);
    assertThat(problem(f.get(RunsResource.RUNS + "?limit=0", "viewer"), 400).path("field")
        .asText()).isEqualTo("limit");
    assertThat(problem(f.get(RunsResource.RUNS + "?since=yesterday", "viewer"), 400)
        .path("field").asText()).isEqualTo("since");
    assertThat(problem(f.get(RunsResource.RUNS + "?status=sleeping", "viewer"), 400)
        .path("field").asText()).isEqualTo("status");
    problem(f.get("/api/v1/nothing-here", "viewer"), 404);
  }

  @Test
  void replacingTheInventoryIsNotAvailableYet() {
    HttpResponse<String> r = f.send(f.request(FerryServer.API + "/inventory", "admin")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
    assertThat(problem(r, 501).path("detail").asText())
        .isEqualTo("inventory replace is not available yet");
  }
}
