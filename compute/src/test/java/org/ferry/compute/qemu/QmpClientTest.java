package org.ferry.compute.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The QMP client against a scripted QEMU on a UNIX socket: no QEMU, no root. */
class QmpClientTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private ServerSocketChannel server;
  private final List<String> received = new CopyOnWriteArrayList<>();

  @AfterEach
  void close() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private Path fakeQemu() throws IOException {
    return fakeQemu("[]");
  }

  /**
   * Greets offering {@code capabilities} (a JSON array), then answers each command, in band or
   * out of band: query-status, an error for "boom", silence for "hang".
   */
  private Path fakeQemu(String capabilities) throws IOException {
    Path sock = dir.resolve("q.sock");
    server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    server.bind(UnixDomainSocketAddress.of(sock));
    Thread.ofVirtual().start(() -> {
      try (SocketChannel ch = server.accept();
          BufferedReader in = new BufferedReader(Channels.newReader(ch, StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(Channels.newWriter(ch, StandardCharsets.UTF_8), true)) {
        out.println("{\"QMP\": {\"version\": {}, \"capabilities\": " + capabilities + "}}");
        String line;
        while ((line = in.readLine()) != null) {
          received.add(line);
          JsonNode cmd = JSON.readTree(line);
          String id = cmd.get("id").toString();
          switch (cmd.has("exec-oob") ? cmd.get("exec-oob").asText()
              : cmd.get("execute").asText()) {
            case "query-status" -> {
              out.println("{\"event\": \"RESUME\", \"timestamp\": {}}");
              out.println("{\"return\": {\"status\": \"running\"}, \"id\": " + id + "}");
            }
            case "boom" -> out.println("{\"error\": {\"class\": \"GenericError\", \"desc\":"
                + " \"no such thing\"}, \"id\": " + id + "}");
            case "hang" -> { }
            default -> out.println("{\"return\": {}, \"id\": " + id + "}");
          }
        }
      } catch (IOException e) {
        // the test closed it
      }
    });
    return sock;
  }

  @Test
  void negotiatesThenAnswersCommandsAndPassesEventsOn() throws IOException {
    Path sock = fakeQemu();
    try (QmpClient qmp = QmpClient.connect("QEMU test", sock, Duration.ofSeconds(2),
        Duration.ofSeconds(2))) {
      List<String> events = new CopyOnWriteArrayList<>();
      qmp.addEventListener(e -> events.add(e.get("event").asText()));
      assertThat(qmp.execute("query-status").path("status").asText()).isEqualTo("running");
      qmp.execute("migrate-set-parameters", Map.of("max-bandwidth", 125_000_000L));
      assertThat(events).containsExactly("RESUME");
      assertThat(received.get(0)).contains("qmp_capabilities");
      assertThat(JSON.readTree(received.get(2)).path("arguments").path("max-bandwidth").asLong())
          .isEqualTo(125_000_000L);
    }
  }

  @Test
  void outOfBandExecutionIsTakenWhenOfferedAndCarriesTheOutOfBandCommands() throws IOException {
    Path sock = fakeQemu("[\"oob\"]");
    try (QmpClient qmp = QmpClient.connect("QEMU test", sock, Duration.ofSeconds(2),
        Duration.ofSeconds(2))) {
      assertThat(qmp.outOfBand()).isTrue();
      qmp.executeOutOfBand("migrate-pause", Map.of());
      qmp.execute("query-status");
      assertThat(JSON.readTree(received.get(0)).path("arguments").path("enable").get(0).asText())
          .isEqualTo("oob");
      assertThat(JSON.readTree(received.get(1)).path("exec-oob").asText())
          .isEqualTo("migrate-pause");
      assertThat(JSON.readTree(received.get(2)).path("execute").asText())
          .isEqualTo("query-status");
    }
  }

  @Test
  void withoutTheOfferOutOfBandCommandsRunInBand() throws IOException {
    Path sock = fakeQemu();
    try (QmpClient qmp = QmpClient.connect("QEMU test", sock, Duration.ofSeconds(2),
        Duration.ofSeconds(2))) {
      assertThat(qmp.outOfBand()).isFalse();
      qmp.executeOutOfBand("migrate-pause", Map.of());
      assertThat(JSON.readTree(received.get(0)).has("arguments")).isFalse();
      assertThat(JSON.readTree(received.get(1)).path("execute").asText())
          .isEqualTo("migrate-pause");
    }
  }

  @Test
  void anErrorQuotesQemusClassAndDescription() throws IOException {
    Path sock = fakeQemu();
    try (QmpClient qmp = QmpClient.connect("QEMU test", sock, Duration.ofSeconds(2),
        Duration.ofSeconds(2))) {
      assertThatThrownBy(() -> qmp.execute("boom")).isInstanceOf(QmpException.class)
          .hasMessage("QEMU test: boom failed: GenericError: no such thing");
    }
  }

  @Test
  void aLateAnswerIsNotTakenForTheNextCommand() throws IOException {
    Path sock = fakeQemu();
    try (QmpClient qmp = QmpClient.connect("QEMU test", sock, Duration.ofSeconds(2),
        Duration.ofMillis(200))) {
      assertThatThrownBy(() -> qmp.execute("hang")).hasMessageContaining("no answer within 200 ms");
      assertThat(qmp.execute("query-status").path("status").asText()).isEqualTo("running");
    }
  }

  @Test
  void noSocketMeansAClearError() {
    Path missing = dir.resolve("none.sock");
    assertThat(Files.exists(missing)).isFalse();
    assertThatThrownBy(() -> QmpClient.connect("QEMU test", missing, Duration.ofMillis(100),
        Duration.ofSeconds(1))).isInstanceOf(QmpException.class)
        .hasMessageContaining("no QMP socket at " + missing);
  }
}
