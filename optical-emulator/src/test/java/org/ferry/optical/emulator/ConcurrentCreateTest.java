package org.ferry.optical.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.OpticalNetwork.End;
import org.ferry.optical.pce.OpticalNetwork.Roadm;
import org.ferry.optical.pce.OpticalNetwork.Span;
import org.ferry.optical.pce.OpticalNetwork.Xponder;
import org.ferry.optical.pce.OpticalNetwork.XponderType;
import org.junit.jupiter.api.Test;

/**
 * Many clients create services at once over HTTP, with broken requests mixed in; then half are
 * deleted while a cut reroutes the rest. After each phase no frequency slot is held twice on any
 * span, and the slots in use add up to the services' paths. Bounded: 40 services, 8 client
 * threads, one run of each phase.
 *
 * <pre>
 *   w ---------- direct (40 km) ---------- e
 *    \                                    /
 *     w-m (20 km) ------- m ------- m-e (20 km)
 * </pre>
 */
class ConcurrentCreateTest {

  static final int SERVICES = 40;

  @Test
  void noSlotIsEverGivenTwiceOnASpan() throws Exception {
    List<Xponder> xponders = new ArrayList<>();
    for (int i = 0; i < SERVICES; i++) {
      xponders.add(new Xponder("x-" + i, "west", "w", 1, XponderType.TRANSPONDER_100G));
      xponders.add(new Xponder("y-" + i, "east", "e", 1, XponderType.TRANSPONDER_100G));
    }
    OpticalNetwork network = new OpticalNetwork(
        List.of(new Roadm("w", "west", 2, 1), new Roadm("e", "east", 2, 1),
            new Roadm("m", "middle", 2, 1)),
        xponders,
        List.of(new Span("direct", new End("w", 1), new End("e", 1), 40, List.of(1L)),
            new Span("w-m", new End("w", 2), new End("m", 1), 20, List.of(2L)),
            new Span("m-e", new End("m", 2), new End("e", 2), 20, List.of(3L))),
        OpticalNetwork.Grid.FIXED);
    Timings quick = new Timings(Duration.ofMillis(20), Optional.of(Duration.ofMillis(50)),
        Duration.ofMillis(20));
    try (EmulatedTransportPce emulator = new EmulatedTransportPce(
        new TopologyFile(network, List.of()), quick, "admin", "admin").start(0)) {
      Http http = new Http(emulator.port());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<Http.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < SERVICES; i++) {
        int n = i;
        replies.add(pool.submit(() -> http.rpc("org-openroadm-service:service-create",
            Requests.create("svc-" + n, "x-" + n, "west", "y-" + n, "east"))));
        if (i % 5 == 0) {
          pool.submit(() -> http.post("/rests/operations/org-openroadm-service:service-create",
              "{\"input\":"));
        }
      }
      for (Future<Http.Reply> reply : replies) {
        assertThat(reply.get(30, TimeUnit.SECONDS).common().path("response-code").asText())
            .isEqualTo("200");
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

      Requests.await("every service stored", Duration.ofSeconds(20), () -> {
        Http.Reply list = http.get("/rests/data/org-openroadm-service:service-list");
        return list.status() == 200 && list.json().at("/org-openroadm-service:service-list"
            + "/services").size() == SERVICES ? 1 : null;
      });
      assertNoSlotHeldTwice(http, emulator);

      // Then deletes, a cut that reroutes every survivor, and new creates, all at once.
      ExecutorService churn = Executors.newFixedThreadPool(8);
      List<Future<Http.Reply>> deletes = new ArrayList<>();
      for (int i = 0; i < SERVICES; i += 2) {
        int n = i;
        deletes.add(churn.submit(() -> http.rpc("org-openroadm-service:service-delete",
            Requests.delete("svc-" + n))));
      }
      Future<Http.Reply> cut =
          churn.submit(() -> http.post("/ferry/admin/cut", "{\"fiber\":\"direct\"}"));
      // A delete that lands while TransportPCE is rerouting the service (deleted, not yet
      // created again) is refused as "does not exist", and the service comes back: count them.
      int deleted = 0;
      for (Future<Http.Reply> reply : deletes) {
        String code = reply.get(30, TimeUnit.SECONDS).common().path("response-code").asText();
        deleted += code.equals("200") ? 1 : 0;
      }
      cut.get(30, TimeUnit.SECONDS);
      int survivors = SERVICES - deleted;
      assertThat(deleted).as("most deletes land before the reroute").isPositive();
      churn.shutdown();
      assertThat(churn.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
      Requests.await("survivors rerouted and in service", Duration.ofSeconds(30), () -> {
        Http.Reply list = http.get("/rests/data/org-openroadm-service:service-list");
        JsonNode services = list.json().at("/org-openroadm-service:service-list/services");
        if (services.size() != survivors) {
          return null;
        }
        for (JsonNode service : services) {
          if (!service.path("operational-state").asText().equals("inService")) {
            return null;
          }
        }
        return 1;
      });
      assertThat(emulator.admin().usedSlots()).containsEntry("direct", 0)
          .containsEntry("w-m", 8 * survivors);
      assertNoSlotHeldTwice(http, emulator);
    }
  }

  /** Every span's channels are held by one service each, and the counts add up. */
  private static void assertNoSlotHeldTwice(Http http, EmulatedTransportPce emulator) {
    Map<String, Set<Integer>> held = new HashMap<>();
    JsonNode paths = http.get("/rests/data/transportpce-service-path:service-path-list").json()
        .at("/transportpce-service-path:service-path-list/service-paths");
    int checked = 0;
    for (JsonNode path : paths) {
      JsonNode dir = path.at("/path-description/aToZ-direction");
      int lambda = dir.path("aToZ-wavelength-number").asInt();
      for (JsonNode hop : dir.path("aToZ")) {
        String link = hop.at("/resource/link-id").asText("");
        if (link.contains("TTP-TXRXto")) {
          String span = spanOf(link);
          assertThat(held.computeIfAbsent(span, s -> new HashSet<>()).add(lambda))
              .as("channel %d on %s given twice", lambda, span).isTrue();
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(paths.size());
    int used = emulator.admin().usedSlots().values().stream().mapToInt(Integer::intValue).sum();
    assertThat(used).isEqualTo(8 * checked);
  }

  /** A span name for a link, the same both ways: its two degree nodes sorted. */
  private static String spanOf(String link) {
    String[] ends = link.split("to");
    String a = ends[0].substring(0, ends[0].indexOf("-DEG", 0) + 5);
    String b = ends[1].substring(0, ends[1].indexOf("-DEG", 0) + 5);
    return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
  }
}
