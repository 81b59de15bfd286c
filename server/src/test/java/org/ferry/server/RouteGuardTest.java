package org.ferry.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.server.ServerFixture.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the routes Javalin actually serves: each is guarded (401 without a token, but /health),
 * each is in the OpenAPI document and the document has no other; roles are enforced.
 */
class RouteGuardTest {

  private final ServerFixture f = new ServerFixture();

  @AfterEach
  void close() {
    f.close();
  }

  private Set<String> served() {
    Set<String> routes = new HashSet<>();
    for (var parsed : f.server.javalin().unsafe.internalRouter.allHttpHandlers()) {
      Endpoint e = parsed.endpoint;
      if (e.method.isHttpMethod() && e.method != HandlerType.HEAD
          && e.method != HandlerType.OPTIONS) {
        routes.add(e.method.name() + " " + e.path);
      }
    }
    return routes;
  }

  @Test
  void everyRouteButHealthNeedsAToken() {
    assertThat(served()).hasSizeGreaterThan(10);
    for (String route : served()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replace("{id}", "run-x");
      HttpRequest.Builder request = f.request(path, null).header("Content-Type",
          "application/json").method(method, HttpRequest.BodyPublishers.ofString("{}"));
      HttpResponse<String> r = f.send(request.build());
      if (path.equals("/health")) {
        assertThat(r.statusCode()).as(route).isEqualTo(200);
        continue;
      }
      assertThat(r.statusCode()).as(route).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate")).as(route).get().asString()
          .startsWith("Bearer");
      assertThat(json(r).path("status").asInt()).isEqualTo(401);
      HttpResponse<String> badToken = f.send(f.request(path, "stolen")
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString("{}")).build());
      assertThat(badToken.statusCode()).as(route).isEqualTo(401);
    }
  }

  @Test
  void aRoleTooLowIs403AndChangesNothing() {
    HttpResponse<String> r = f.post(RunsResource.RUNS, "viewer",
        "{\"type\":\"planned-move\",\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}");
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.headers().firstValue("Content-Type")).get().asString()
        .startsWith("application/problem+json");
    assertThat(f.send(f.request(FerryServer.API + "/inventory", "operator")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(403);
    assertThat(f.runs.store().list(org.ferry.run.RunQuery.all()).total()).isZero();
    assertThat(f.get(FerryServer.API + "/inventory", "viewer").statusCode()).isEqualTo(200);
    assertThat(f.get(FerryServer.API + "/inventory", "admin").statusCode()).isEqualTo(200);
  }

  @Test
  void theOpenApiDocumentListsExactlyTheRoutesServed() {
    JsonNode doc = json(f.get("/openapi.json", "viewer"));
    assertThat(doc.path("openapi").asText()).startsWith("3.1");
    Set<String> documented = new HashSet<>();
    doc.path("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
        documented.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey())));
    assertThat(documented).isEqualTo(served());
    assertThat(doc.path("paths").path("/health").path("get").path("security")).isEmpty();
    assertThat(doc.path("paths").path("/api/v1/runs").path("post").path("x-ferry-role")
        .asText()).isEqualTo("operator");
  }

  @Test
  void theOpticalViewsShowWhatTheControllerReports() {
    JsonNode lightpaths = json(f.get(FerryServer.API + "/lightpaths", "viewer"));
    assertThat(lightpaths.path("lightpaths")).isNotEmpty();
    JsonNode first = lightpaths.path("lightpaths").get(0);
    assertThat(first.path("route")).isNotEmpty();
    assertThat(first.path("state").asText()).isEqualTo("in-service");
    assertThat(first.has("frequency_thz")).isTrue();
    assertThat(json(f.get(FerryServer.API + "/fibers", "viewer")).path("fibers")).hasSize(3);
    JsonNode inventory = json(f.get(FerryServer.API + "/inventory", "viewer"));
    assertThat(inventory.path("vnfs")).hasSize(3);
    assertThat(inventory.path("vnfs").get(0).path("sla")).isNotNull();
    assertThat(inventory.path("sites")).isNotEmpty();
  }
}
