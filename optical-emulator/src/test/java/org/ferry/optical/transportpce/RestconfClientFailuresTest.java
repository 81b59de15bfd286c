package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.seam.SouthboundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the client says when the other end is not TransportPCE or not there, and when it tries
 * again: each failure names the URL, what came back and what to check.
 */
class RestconfClientFailuresTest {

  Javalin server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private RestconfClient clientOf(Javalin started) {
    return new RestconfClient(URI.create("http://127.0.0.1:" + started.port() + "/rests"),
        "admin", "admin", Duration.ofSeconds(2));
  }

  @Test
  void a404FromAnotherServerNamesTheUrlTheReplyAndWhatToCheck() {
    server = Javalin.create(cfg -> cfg.startup.showJavalinBanner = false).start(0);
    RestconfClient client = clientOf(server);

    assertThatThrownBy(() -> client.rpc("org-openroadm-service:service-create",
        java.util.Map.of()))
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("POST http://127.0.0.1:" + server.port()
            + "/rests/operations/org-openroadm-service:service-create answered HTTP 404")
        .hasMessageContaining("check that http://127.0.0.1:" + server.port()
            + "/rests is TransportPCE's RESTCONF root");
    assertThatThrownBy(() -> client.get("org-openroadm-service:service-list"))
        .as("a 404 without RESTCONF's error body is no 'data missing'")
        .hasMessageContaining("answered HTTP 404");
  }

  @Test
  void anHtmlErrorPageIsQuotedAsTextWithItsStatusAndType() {
    server = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/rests/data/*", ctx -> ctx.status(502).html(
          "<html><head><style>p{}</style></head><body><h1>502 Bad Gateway</h1>"
              + "<p>nginx</p></body></html>"));
    }).start(0);

    assertThatThrownBy(() -> clientOf(server).get("org-openroadm-service:service-list"))
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("HTTP 502 (text/html")
        .hasMessageContaining("'502 Bad Gateway nginx'")
        .satisfies(e -> assertThat(((SouthboundException) e).retriable()).isTrue());
  }

  @Test
  void aRefusedConnectionSaysWhereAndWhatToCheck() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    RestconfClient client = new RestconfClient(URI.create("http://127.0.0.1:" + port + "/rests"),
        "admin", "admin", Duration.ofSeconds(2));

    assertThatThrownBy(() -> client.get("org-openroadm-service:service-list"))
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("cannot connect to http://127.0.0.1:" + port
            + "/rests/data/org-openroadm-service:service-list (connection refused)")
        .hasMessageContaining("check that TransportPCE is running and listening on 127.0.0.1:"
            + port);
  }

  @Test
  void readsAreRetriedOnA5xxButCreatesAndBusinessErrorsAreNot() {
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger creates = new AtomicInteger();
    server = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/rests/data/*", ctx -> {
        if (reads.incrementAndGet() < 3) {
          ctx.status(503).result("busy");
        } else {
          ctx.contentType("application/json").result("{\"ok\": true}");
        }
      });
      cfg.routes.post("/rests/operations/{rpc}", ctx -> {
        creates.incrementAndGet();
        ctx.status(503).result("busy");
      });
    }).start(0);
    RestconfClient client = clientOf(server);

    assertThat(client.get("anything").orElseThrow().path("ok").asBoolean()).isTrue();
    assertThat(reads).as("two 503s, then the answer").hasValue(3);
    assertThatThrownBy(() -> client.rpc("org-openroadm-service:service-create",
        java.util.Map.of())).isInstanceOf(SouthboundException.class);
    assertThat(creates).as("a create is never repeated").hasValue(1);
    assertThatThrownBy(() -> client.rpc("transportpce-pce:path-computation-request",
        java.util.Map.of())).isInstanceOf(SouthboundException.class);
    assertThat(creates).as("a path computation is: 1 + 3 retries").hasValue(5);
  }

  @Test
  void theFollowersBackoffDoublesToThirtySecondsLessJitter() {
    NotificationFollower.Backoff standard = NotificationFollower.Backoff.STANDARD;
    assertThat(standard.waitMs(1, 0)).isEqualTo(1_000);
    assertThat(standard.waitMs(3, 0)).isEqualTo(4_000);
    assertThat(standard.waitMs(9, 0)).isEqualTo(30_000);
    assertThat(standard.waitMs(9, 0.999)).isBetween(22_500L, 22_530L);
  }

  @Test
  void theFollowerGivesUpAfterItsBoundSayingWhy() throws InterruptedException {
    EmulatedTransportPce emulator = new EmulatedTransportPce(TopologyFile.defaults()
        .withoutServices(), TransportPceOpticalControllerTest.FAST, "admin", "admin").start(0);
    RestconfClient client = new RestconfClient(URI.create("http://127.0.0.1:" + emulator.port()
        + "/rests"), "admin", "admin", Duration.ofSeconds(1));
    try (NotificationFollower follower = new NotificationFollower(client,
        TransportPceSettings.NotificationSource.FERRY_STREAM, link -> java.util.Optional.empty(),
        event -> { }, () -> { }, new NotificationFollower.Backoff(10, 40, 3))) {
      emulator.close();

      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (follower.gaveUp().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }

      assertThat(follower.gaveUp()).get().asString().contains("failed 3 times in a row").contains("cannot connect to");
    }
  }
}
