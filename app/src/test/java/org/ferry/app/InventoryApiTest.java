package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferry.app.cli.ServerCommandAccess;
import org.ferry.inventory.InventoryLoader;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PUT /api/v1/inventory on a running server: a document with errors is refused whole with every
 * error listed and changes nothing; a valid one is kept as a new version; only an admin may.
 */
class InventoryApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void aBadDocumentIsRefusedWholeAndAGoodOneIsKept() throws Exception {
    TokenStore tokens = new TokenStore(dataDir);
    String admin = tokens.create(Role.ADMIN, "admin").token();
    String operator = tokens.create(Role.OPERATOR, "operator").token();
    JsonNode ring = new ObjectMapper(new YAMLFactory())
        .readTree(Path.of("..", "examples", "five-g-ring.yaml").toFile());
    StringWriter out = new StringWriter();
    try (AutoCloseable server = ServerCommandAccess.start(new PrintWriter(out),
        List.of("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString()))) {
      String url = ServerCommandAccess.baseUrl(out) + "/api/v1/inventory";
      HttpClient http = HttpClient.newHttpClient();
      String before = get(http, url, admin);

      ObjectNode bad = ring.deepCopy();
      ((ObjectNode) bad.path("vnfs").get(0)).put("flavour", "small");
      ((ObjectNode) bad.path("vnfs").get(0).path("peers").get(0)).put("max-latency-ms", -1);
      HttpResponse<String> refused = put(http, url, admin, bad);

      assertThat(refused.statusCode()).isEqualTo(400);
      assertThat(refused.headers().firstValue("Content-Type")).get().asString()
          .startsWith("application/problem+json");
      JsonNode problem = JSON.readTree(refused.body());
      assertThat(problem.path("errors")).hasSizeGreaterThanOrEqualTo(2);
      assertThat(problem.path("errors").toString()).contains("vnfs[0].flavour")
          .contains("did you mean 'flavor'").contains("max-latency-ms");
      assertThat(get(http, url, admin)).isEqualTo(before);
      assertThat(dataDir.resolve("inventory.json")).doesNotExist();

      assertThat(put(http, url, operator, ring).statusCode()).as("an operator may not")
          .isEqualTo(403);
      assertThat(dataDir.resolve("inventory.json")).doesNotExist();

      HttpResponse<String> taken = put(http, url, admin, ring);
      assertThat(taken.statusCode()).isEqualTo(202);
      assertThat(JSON.readTree(taken.body()).path("detail").asText())
          .contains("inventory.json").contains("--inventory");
      assertThat(InventoryLoader.load(dataDir.resolve("inventory.json")).name())
          .isEqualTo("five-g-ring");
      try (var versions = Files.list(dataDir.resolve("inventories"))) {
        assertThat(versions).hasSize(1);
      }
    }
  }

  private static String get(HttpClient http, String url, String token) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  private static HttpResponse<String> put(HttpClient http, String url, String token,
      JsonNode body) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url))
        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
