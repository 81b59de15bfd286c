package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.ferry.app.cli.ServerCommandAccess;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry server} keeps its runs in a database: a run and its figures outlive the server
 * that ran it, and a database that cannot be used stops the server at start, saying why.
 */
class DurableRunsTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dataDir;

  @Test
  void aRunAndItsStepsAndMovesAreServedAgainByTheNextServerOnTheSameFile() throws Exception {
    String token = new TokenStore(dataDir).create(Role.OPERATOR, "test").token();
    String db = "jdbc:h2:file:" + dataDir.resolve("runs") + ";DB_CLOSE_ON_EXIT=FALSE";
    List<String> args = List.of("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(),
        "--db", db, "--drain-timeout", "30");
    HttpClient http = HttpClient.newHttpClient();
    String id;
    JsonNode before;
    StringWriter out = new StringWriter();
    try (AutoCloseable server = ServerCommandAccess.start(new PrintWriter(out), args)) {
      String base = base(out);
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/runs")).header("Authorization", "Bearer " + token)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"type\":\"planned-move\",\"vnfs\":[\"mme-1\"],\"destination\":\"site-b\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
      id = JSON.readTree(posted.body()).path("id").asText();
      before = awaitEnded(http, base + "/api/v1/runs/" + id, token);
    }
    assertThat(out.toString()).contains("runs kept in jdbc:h2:file:");
    assertThat(before.path("outcome").asText()).isEqualTo("relocated");
    assertThat(before.path("steps")).isNotEmpty();
    assertThat(before.path("moves").get(0).path("vnf").asText()).isEqualTo("mme-1");
    assertThat(before.path("moves").get(0).path("phases")).isNotEmpty();

    StringWriter again = new StringWriter();
    try (AutoCloseable server = ServerCommandAccess.start(new PrintWriter(again), args)) {
      String base = base(again);
      JsonNode list = JSON.readTree(get(http, base + "/api/v1/runs", token).body());
      assertThat(list.path("total").asInt()).isEqualTo(1);
      assertThat(list.path("runs").get(0).path("id").asText()).isEqualTo(id);
      assertThat(list.path("runs").get(0).path("outcome").asText()).isEqualTo("relocated");
      JsonNode after = JSON.readTree(get(http, base + "/api/v1/runs/" + id, token).body());
      assertThat(after).isEqualTo(before);
    }
  }

  @Test
  void aDatabaseThatCannotBeReachedEndsTheServerAtStartNamingItsUrl() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/ferry";
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "server",
        "--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(), "--db", url,
        "--db-user", "ferry");
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("cannot reach the run database at " + url)
        .contains("refused");
    assertThat(out.toString()).doesNotContain("listening on");
  }

  @Test
  void aSchemaNewerThanThisFerryEndsTheServerAtStart() throws Exception {
    String db = "jdbc:h2:file:" + dataDir.resolve("runs");
    List<String> args = List.of("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(),
        "--db", db);
    try (AutoCloseable first = ServerCommandAccess.start(new PrintWriter(new StringWriter()),
        args)) {
      // The first server made the schema; a later Ferry's migration is recorded below.
    }
    try (Connection c = DriverManager.getConnection(db);
        Statement s = c.createStatement()) {
      s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
          + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
          + " \"execution_time\", \"success\") VALUES (2, '2', 'later', 'SQL', 'V2__later.sql',"
          + " 0, 'ferry', 1, TRUE)");
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    String[] full = new String[args.size() + 1];
    full[0] = "server";
    for (int i = 0; i < args.size(); i++) {
      full[i + 1] = args.get(i);
    }
    assertThat(FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), full))
        .isEqualTo(1);
    assertThat(err.toString()).contains(db).contains("newer than this Ferry knows");
    assertThat(out.toString()).doesNotContain("listening on");
  }

  @Test
  void aPasswordComesFromAFileOrTheEnvironmentAndAnotherDatabaseIsRefused() throws Exception {
    StringWriter err = new StringWriter();
    assertThat(FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "server", "--data-dir", dataDir.toString(), "--db", "jdbc:mysql://db/ferry"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("jdbc:h2:... or jdbc:postgresql://");
    assertThat(FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "server", "--data-dir", dataDir.toString(), "--db", "jdbc:postgresql://db/ferry",
        "--db-password-env", "FERRY_NO_SUCH_VARIABLE")).isEqualTo(2);
    assertThat(err.toString()).contains("--db-password-env FERRY_NO_SUCH_VARIABLE");
    Path missing = dataDir.resolve("no-such-file");
    assertThat(FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "server", "--data-dir", dataDir.toString(), "--db", "jdbc:postgresql://db/ferry",
        "--db-password-file", missing.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--db-password-file " + missing);
    assertThat(Files.exists(dataDir.resolve("ferry-runs.mv.db"))).isFalse();
  }

  private static String base(StringWriter out) {
    return ServerCommandAccess.baseUrl(out);
  }

  private static HttpResponse<String> get(HttpClient http, String uri, String token)
      throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(uri))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode awaitEnded(HttpClient http, String uri, String token)
      throws Exception {
    for (int i = 0; i < 300; i++) {
      JsonNode run = JSON.readTree(get(http, uri, token).body());
      if (run.path("status").asText().equals("ended")) {
        return run;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + uri + " did not end within 30 s");
  }
}
