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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ferry.app.cli.ServerCommandAccess;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An admin manages tokens over the API, on the same store as {@code ferry token}: a token issued
 * there works at once, a revoked one stops at once, and only an admin may.
 */
class TokensApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void anAdminIssuesListsAndRevokesTokens() throws Exception {
    TokenStore store = new TokenStore(dataDir);
    String admin = store.create(Role.ADMIN, "admin").token();
    String operator = store.create(Role.OPERATOR, "ops").token();
    StringWriter out = new StringWriter();
    try (AutoCloseable server = ServerCommandAccess.start(new PrintWriter(out),
        List.of("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString()))) {
      String base = ServerCommandAccess.baseUrl(out);
      HttpClient http = HttpClient.newHttpClient();

      assertThat(send(http, get(base + "/api/v1/tokens", null)).statusCode()).isEqualTo(401);
      assertThat(send(http, get(base + "/api/v1/tokens", operator)).statusCode())
          .isEqualTo(403);
      assertThat(send(http, post(base + "/api/v1/tokens", operator,
          "{\"role\":\"admin\"}")).statusCode()).as("an operator cannot mint an admin")
          .isEqualTo(403);

      HttpResponse<String> issued = send(http, post(base + "/api/v1/tokens", admin,
          "{\"role\":\"viewer\",\"label\":\"dashboard\"}"));
      assertThat(issued.statusCode()).isEqualTo(201);
      JsonNode token = JSON.readTree(issued.body());
      String viewer = token.path("token").asText();
      assertThat(send(http, get(base + "/api/v1/runs", viewer)).statusCode()).isEqualTo(200);
      assertThat(Files.readString(store.file())).doesNotContain(viewer.substring(
          viewer.lastIndexOf('_') + 1));

      HttpResponse<String> listed = send(http, get(base + "/api/v1/tokens", admin));
      assertThat(listed.body()).contains("dashboard").doesNotContain(viewer);
      assertThat(JSON.readTree(listed.body()).path("tokens")).hasSize(3);

      assertThat(send(http, post(base + "/api/v1/tokens", admin, "{\"role\":\"root\"}"))
          .body()).contains("\"field\":\"role\"");

      String id = token.path("id").asText();
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/" + id))
          .header("Authorization", "Bearer " + admin).DELETE().build()).statusCode())
          .isEqualTo(204);
      assertThat(send(http, get(base + "/api/v1/runs", viewer)).statusCode()).isEqualTo(401);
      assertThat(send(http, HttpRequest.newBuilder(URI.create(base + "/api/v1/tokens/" + id))
          .header("Authorization", "Bearer " + admin).DELETE().build()).statusCode())
          .isEqualTo(404);
    }
  }

  private static HttpRequest get(String url, String token) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url));
    return (token == null ? b : b.header("Authorization", "Bearer " + token)).build();
  }

  private static HttpRequest post(String url, String token, String body) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
