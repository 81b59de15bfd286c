package org.ferry.app.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against a stand-in server that misbehaves on purpose: streams that break or go
 * silent, a stream slower than the request timeout, problem bodies and pages that are not.
 */
class FerryApiClientTest {

  private final HttpServer http;
  /** The Last-Event-ID of each stream request, "" where there was none. */
  private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
  private final CountDownLatch release = new CountDownLatch(1);

  FerryApiClientTest() throws IOException {
    http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    http.setExecutor(Executors.newCachedThreadPool());
    http.start();
  }

  @AfterEach
  void stop() {
    release.countDown();
    http.stop(0);
  }

  private FerryApiClient client(Duration requestTimeout, Duration idleLimit) {
    return new FerryApiClient(URI.create("http://127.0.0.1:" + http.getAddress().getPort()),
        "t0ken", requestTimeout, idleLimit);
  }

  /** Serves {@code /events}: {@code answer} gets the exchange and which connection it is. */
  private void events(BiConsumer<HttpExchange, Integer> answer) {
    http.createContext("/events", exchange -> {
      String last = exchange.getRequestHeaders().getFirst("Last-Event-ID");
      lastEventIds.add(last == null ? "" : last);
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      answer.accept(exchange, lastEventIds.size());
      exchange.close();
    });
  }

  private static void send(HttpExchange exchange, String frame) {
    try {
      OutputStream out = exchange.getResponseBody();
      out.write(frame.getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static String event(long id, String type) {
    return "id: " + id + "\nevent: " + type + "\ndata: {\"run\":\"r1\",\"sequence\":" + id
        + "}\n\n";
  }

  private static List<Long> follow(FerryApiClient client, String lastType)
      throws InterruptedException {
    List<Long> seen = new ArrayList<>();
    client.follow("/events", 0, e -> {
      seen.add(e.id());
      return !e.type().equals(lastType);
    });
    return seen;
  }

  @Test
  void aBrokenStreamIsResumedAfterTheLastEventSeen() throws Exception {
    events((exchange, connection) -> {
      if (connection == 1) {
        send(exchange, ": hello\n\n" + event(1, "queued") + event(2, "started"));
      } else {
        send(exchange, event(3, "ended"));
      }
    });
    assertThat(follow(client(Duration.ofSeconds(5), Duration.ofSeconds(5)), "ended"))
        .containsExactly(1L, 2L, 3L);
    assertThat(lastEventIds).containsExactly("", "2");
  }

  @Test
  void aSilentStreamIsGivenUpAndResumed() throws Exception {
    events((exchange, connection) -> {
      if (connection == 1) {
        send(exchange, event(1, "queued"));
        try {
          // Hold the connection open, sending nothing, as a dead peer would.
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      } else {
        send(exchange, event(2, "ended"));
      }
    });
    assertThat(follow(client(Duration.ofSeconds(5), Duration.ofMillis(300)), "ended"))
        .containsExactly(1L, 2L);
    assertThat(lastEventIds).containsExactly("", "1");
  }

  @Test
  void aStreamMayLastLongerThanTheRequestTimeout() throws Exception {
    events((exchange, connection) -> {
      for (int i = 1; i <= 4; i++) {
        send(exchange, i < 4 ? event(i, "step-ended") : event(i, "ended"));
        try {
          Thread.sleep(400);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    assertThat(follow(client(Duration.ofSeconds(1), Duration.ofSeconds(5)), "ended"))
        .containsExactly(1L, 2L, 3L, 4L);
    assertThat(lastEventIds).hasSize(1);
  }

  @Test
  void aProblemIsOneLineWithItsFieldAndFixAndA4xxIsBadInput() {
    answer(409, "application/problem+json", "{\"type\":\"urn:ferry:problem:request-rejected\","
        + "\"title\":\"Request rejected\",\"status\":409,\"detail\":\"no site 'x'\","
        + "\"field\":\"destination\",\"fix\":\"name a compute site\"}");
    assertThatThrownBy(() -> client(Duration.ofSeconds(5), Duration.ofSeconds(5)).get("/x"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage())
              .isEqualTo("no site 'x' (field: destination; fix: name a compute site)");
          assertThat(e.exitCode()).isEqualTo(ApiException.BAD_INPUT);
        });
  }

  @Test
  void aForbiddenRequestNamesTheRoleNeeded() {
    answer(403, "application/problem+json", "{\"status\":403,\"detail\":\"this route needs the"
        + " admin role; the token carries viewer\"}");
    assertThatThrownBy(() -> client(Duration.ofSeconds(5), Duration.ofSeconds(5)).get("/x"))
        .hasMessageContaining("(403)").hasMessageContaining("use a token with the admin role");
  }

  @Test
  void anAnswerThatIsNoProblemIsShownShortAndAServerErrorExitsOne() {
    answer(502, "text/html", "<html>Bad gateway</html>");
    assertThatThrownBy(() -> client(Duration.ofSeconds(5), Duration.ofSeconds(5)).get("/x"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.getMessage()).isEqualTo("the server answered 502: <html>Bad"
              + " gateway</html>");
          assertThat(e.exitCode()).isEqualTo(ApiException.SERVER_FAILURE);
        });
  }

  @Test
  void onlyHttpUrlsAreServers() {
    assertThatThrownBy(() -> new FerryApiClient(URI.create("ftp://host/"), "t"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--server");
  }

  private void answer(int status, String type, String body) {
    http.createContext("/x", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", type);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
  }
}
