package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferry.app.FerryCli;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * {@code ferry server}: it listens where asked and says so in one line, serves health without a
 * token and refuses a token it did not issue, and drains.
 */
class ServerCommandTest {

  private static final Pattern LISTENING =
      Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path dataDir;

  @Test
  void itListensOnAFreePortAndPrintsOneListeningLine() throws Exception {
    ServerCommand command = new ServerCommand();
    CommandLine cli = new CommandLine(command);
    Converters.register(cli);
    cli.parseArgs("--listen", "127.0.0.1:0", "--drain-timeout", "5", "--data-dir",
        dataDir.toString());
    StringWriter out = new StringWriter();
    try (ServerCommand.Running running = command.start(new PrintWriter(out))) {
      assertThat(out.toString().lines().filter(l -> l.contains(ServerCommand.LISTENING)))
          .hasSize(1);
      Matcher m = LISTENING.matcher(out.toString());
      assertThat(m.find()).isTrue();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(
          URI.create(m.group(1) + "/health")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"up\"");
      HttpResponse<String> runs = http.send(HttpRequest.newBuilder(
          URI.create(m.group(1) + "/api/v1/runs")).header("Authorization", "Bearer anything")
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(runs.statusCode()).isEqualTo(401);
    }
  }

  @Test
  void aBadAddressIsRejected() {
    StringWriter err = new StringWriter();
    assertThat(FerryCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true),
        "server", "--listen", "127.0.0.1:99999")).isEqualTo(2);
    assertThat(err.toString()).contains("--listen");
  }
}
