package org.ferry.optical.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.optical.emulator.Requests.await;
import static org.ferry.optical.emulator.Requests.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each documented case of TransportPCE's northbound API, run against the emulator over HTTP.
 *
 * <pre>
 *          roadm-ran --- fiber-ran-a (30 km, SRLG 101) --- roadm-a
 *               \                                           /
 *     fiber-b-ran (25 km, SRLG 103)          fiber-a-b (50 km, SRLG 102)
 *                 \                                       /
 *                  ------------- roadm-b -----------------
 * </pre>
 */
class EmulatorConformanceTest {

  static final Timings FAST =
      new Timings(Duration.ofMillis(300), Optional.of(Duration.ofMillis(300)),
          Duration.ofMillis(200));
  static final Duration WITHIN = Duration.ofSeconds(10);

  EmulatedTransportPce emulator;
  Http http;

  @BeforeEach
  void start() {
    emulator = new EmulatedTransportPce(TopologyFile.defaults().withoutServices(), FAST,
        "admin", "admin").start(0);
    http = new Http(emulator.port());
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void validCreateIsAbsentThenOutOfServiceThenInService() {
    Http.Reply reply = http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.common().path("ack-final-indicator").asText()).isEqualTo("No");
    assertThat(reply.common().path("response-code").asText()).isEqualTo("200");
    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("PCE calculation in progress");
    assertThat(reply.common().path("request-id").asText()).isEqualTo("req-s1");
    assertThat(state(http, "s1")).as("absent while the PCE runs").isEqualTo("absent");
    await("outOfService", WITHIN, () -> state(http, "s1").equals("outOfService") ? 1 : null);
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);

    JsonNode service = http.get("/rests/data/org-openroadm-service:service-list/services=s1")
        .json().path("org-openroadm-service:services").path(0);
    assertThat(service.path("administrative-state").asText()).isEqualTo("inService");
    assertThat(service.path("connection-type").asText()).isEqualTo("service");
    assertThat(service.path("lifecycle-state").asText()).isEqualTo("planned");
    assertThat(service.at("/service-a-end/service-rate").isNumber())
        .as("service-rate reads back as a number").isTrue();
    JsonNode aToZ = Requests.aToZ(http, "s1");
    assertThat(aToZ.path("central-frequency").asDouble()).isEqualTo(196.1);
    assertThat(aToZ.path("aToZ-wavelength-number").asInt()).isEqualTo(1);
  }

  static Stream<Arguments> missingFields() {
    return Stream.of(
        missing("service-name", i -> i.remove("service-name"),
            "Service Name (common-id for Temp service) is not set"),
        missing("connection-type", i -> i.remove("connection-type"),
            "Service ConnectionType is not set"),
        missing("header", i -> i.remove("sdnc-request-header"),
            "Service sdncRequestHeader is not set"),
        missing("request-id", i -> header(i).remove("request-id"),
            "Service sdncRequestHeader 'request-id' is not set"),
        missing("rpc-action", i -> header(i).remove("rpc-action"),
            "Service sdncRequestHeader 'rpc-action' is not set"),
        missing("wrong rpc-action", i -> header(i).put("rpc-action", "service-delete"),
            "Service sdncRequestHeader rpc-action 'ServiceDelete' not equal to 'ServiceCreate'"),
        missing("a-end", i -> i.remove("service-a-end"), "Service SERVICEAEND is not set"),
        missing("a-end rate", i -> aEnd(i).remove("service-rate"),
            "Something wrong when accessing Service SERVICEAEND rate, format or clli"),
        missing("a-end rate 0", i -> aEnd(i).put("service-rate", "0"),
            "Service SERVICEAEND rate is not set"),
        missing("a-end format", i -> aEnd(i).remove("service-format"),
            "Service SERVICEAEND format is not set"),
        missing("a-end clli", i -> aEnd(i).remove("clli"), "Service SERVICEAEND clli is not set"),
        missing("a-end tx-direction", i -> aEnd(i).remove("tx-direction"),
            "Service TxDirection or RxDirection is not correctly set"),
        missing("z-end", i -> i.remove("service-z-end"), "Service SERVICEZEND is not set"),
        missing("z-end clli", i -> ((ObjectNode) i.get("service-z-end")).remove("clli"),
            "Service SERVICEZEND clli is not set"),
        missing("hard and soft with common-id", i -> {
          i.put("common-id", "c1");
          i.putObject("hard-constraints");
          i.putObject("soft-constraints");
        }, "hard/soft constraints are not coherent !"),
        missing("resiliency", i -> ((ObjectNode) i.get("service-resiliency")).remove(
            "resiliency"), "Resiliency is null !"),
        missing("resiliency attribute", i -> ((ObjectNode) i.get("service-resiliency"))
            .put("resiliency", "org-openroadm-common-service-types:unprotected")
            .put("holdoff-time", 100),
            "An attribute not dedicated for this type of resiliency was filled"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("missingFields")
  void eachMissingFieldGetsTransportPcesMessageInOrder(String what, Consumer<ObjectNode> change,
      String message) {
    ObjectNode input = Requests.ranToA("s1");
    change.accept(input);

    Http.Reply reply = http.rpc("org-openroadm-service:service-create", input);

    assertThat(reply.status()).as("business errors are HTTP 200").isEqualTo(200);
    assertThat(reply.common().path("ack-final-indicator").asText()).isEqualTo("Yes");
    assertThat(reply.common().path("response-code").asText()).isEqualTo("500");
    assertThat(reply.common().path("response-message").asText()).isEqualTo(message);
  }

  @Test
  void duplicateNameIsRefused() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("s1 stored", WITHIN, () -> state(http, "s1").equals("absent") ? null : 1);

    Http.Reply again = http.rpc("org-openroadm-service:service-create",
        Requests.create("s1", "ran-t100-2", "ran", "b-t100-1", "site-b"));

    assertThat(again.common().path("response-code").asText()).isEqualTo("500");
    assertThat(again.common().path("response-message").asText())
        .isEqualTo("Service 's1' already exists in datastore");
  }

  @Test
  void deletingAnUnknownServiceSaysItDoesNotExist() {
    Http.Reply reply = http.rpc("org-openroadm-service:service-delete",
        Requests.delete("ghost"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.common().path("ack-final-indicator").asText()).isEqualTo("Yes");
    assertThat(reply.common().path("response-code").asText()).isEqualTo("500");
    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("Service 'ghost' does not exist in datastore");
  }

  @Test
  void emptyServiceListIs409DataMissing() {
    Http.Reply reply = http.get("/rests/data/org-openroadm-service:service-list"
        + "?content=nonconfig");

    assertThat(reply.status()).isEqualTo(409);
    JsonNode error = reply.json().at("/errors/error/0");
    assertThat(error.path("error-tag").asText()).isEqualTo("data-missing");
    assertThat(error.path("error-message").asText()).isEqualTo(
        "Request could not be completed because the relevant data model content does not exist");
  }

  @Test
  void deleteFreesTheServiceAndItsSpectrum() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);

    Http.Reply reply = http.rpc("org-openroadm-service:service-delete", Requests.delete("s1"));

    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("Renderer service delete in progress");
    await("gone", WITHIN, () -> state(http, "s1").equals("absent") ? 1 : null);
    assertThat(emulator.admin().usedSlots()).containsEntry("fiber-ran-a", 0);
  }

  @Test
  void spectrumIsGivenFromTheTop196point1Then196point05() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("s1 stored", WITHIN, () -> state(http, "s1").equals("absent") ? null : 1);
    http.rpc("org-openroadm-service:service-create",
        Requests.create("s2", "ran-t100-2", "ran", "a-t100-2", "site-a"));
    await("s2 stored", WITHIN, () -> state(http, "s2").equals("absent") ? null : 1);

    JsonNode first = Requests.aToZ(http, "s1");
    JsonNode second = Requests.aToZ(http, "s2");
    assertThat(first.path("central-frequency").asDouble()).isEqualTo(196.1);
    assertThat(second.path("central-frequency").asDouble()).isEqualTo(196.05);
    assertThat(second.path("aToZ-wavelength-number").asInt()).isEqualTo(2);
    assertThat(second.path("width").asDouble()).isEqualTo(50.0);
  }

  @Test
  void pathComputationHonoursExclusionsAndSaysWhenNoPathIsLeft() {
    ObjectNode direct = Requests.pathRequest("p1", "ran-t100-1", "ran", "a-t100-1", "site-a");
    JsonNode plain = http.rpc("transportpce-pce:path-computation-request", direct).json()
        .path("transportpce-pce:output");
    assertThat(plain.at("/configuration-response-common/response-message").asText())
        .isEqualTo("Path is calculated by PCE");
    assertThat(plain.toString()).contains("roadm-ran-DEG1-DEG1-TTP-TXRXtoroadm-a-DEG1")
        .doesNotContain("roadm-b");

    ObjectNode noSrlg = Requests.pathRequest("p2", "ran-t100-1", "ran", "a-t100-1", "site-a");
    noSrlg.putObject("hard-constraints").putObject("exclude").putArray("srlg-id").add("101");
    JsonNode around = http.rpc("transportpce-pce:path-computation-request", noSrlg).json()
        .path("transportpce-pce:output");
    assertThat(around.toString()).contains("roadm-b-DEG").doesNotContain("fiber-ran-a");

    ObjectNode nodeExcluded = noSrlg.deepCopy();
    ((ObjectNode) nodeExcluded.at("/hard-constraints/exclude")).putArray("node-id")
        .add("roadm-b");
    JsonNode none = http.rpc("transportpce-pce:path-computation-request", nodeExcluded).json()
        .path("transportpce-pce:output").path("configuration-response-common");
    assertThat(none.path("response-code").asText()).isEqualTo("500");
    assertThat(none.path("response-message").asText()).isEqualTo("No path found by PCE");

    ObjectNode slow = noSrlg.deepCopy();
    ((ObjectNode) slow.get("hard-constraints")).putObject("latency").put("max-latency", 2);
    JsonNode tooSlow = http.rpc("transportpce-pce:path-computation-request", slow).json()
        .path("transportpce-pce:output").path("configuration-response-common");
    assertThat(tooSlow.path("response-message").asText())
        .isEqualTo("Latency is too high according to pce hard constraints.");
  }

  @Test
  void pathComputationWithoutANameIsNotCalculated() {
    ObjectNode input = Requests.pathRequest("p1", "ran-t100-1", "ran", "a-t100-1", "site-a");
    input.remove("service-name");

    JsonNode common = http.rpc("transportpce-pce:path-computation-request", input).json()
        .at("/transportpce-pce:output/configuration-response-common");

    assertThat(common.path("response-code").asText()).isEqualTo("Path not calculated");
    assertThat(common.path("response-message").asText())
        .isEqualTo("Path not calculated, service not compliant : Service Name is not set");
  }

  @Test
  void anUnroutableCreateIsAcceptedButNeverAppearsAndItsFailureIsPublished() {
    ObjectNode input = Requests.ranToA("s1");
    input.putObject("hard-constraints").putObject("exclude").putArray("site").add("site-a");

    Http.Reply reply = http.rpc("org-openroadm-service:service-create", input);

    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("PCE calculation in progress");
    JsonNode failure = await("the failure notification", WITHIN, () -> {
      for (JsonNode n : http.get("/ferry/notifications?after=0").json().path("notifications")) {
        if (n.path("service-name").asText().equals("s1")) {
          return n;
        }
      }
      return null;
    });
    assertThat(failure.path("message").asText()).isEqualTo("ServiceCreate request failed ...");
    assertThat(failure.path("response-failed").asText()).isEqualTo("PCE path computation failed !");
    assertThat(state(http, "s1")).isEqualTo("absent");
  }

  @Test
  void aCutTakesARestorableServiceDownAndTransportPceReroutesItUnderItsName() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);

    Http.Reply cut = http.post("/ferry/admin/cut", "{\"fiber\":\"fiber-ran-a\"}");

    assertThat(cut.status()).isEqualTo(200);
    assertThat(cut.json().path("services-down").toString()).contains("s1");
    await("back inService", WITHIN, () -> state(http, "s1").equals("inService")
        && Requests.aToZ(http, "s1").toString().contains("roadm-b") ? 1 : null);
    String messages = http.get("/ferry/notifications?after=0").body();
    assertThat(messages).contains("The service is now outOfService", "Service deleted !",
        "Service implemented !", "Fiber fiber-ran-a is now outOfService");
  }

  @Test
  void rerouteWithNoPathLeftSaysSo() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);
    http.post("/ferry/admin/cut", "{\"fiber\":\"fiber-b-ran\"}");
    http.post("/ferry/admin/port-down", "{\"node\":\"roadm-a\",\"degree\":1}");

    ObjectNode input = Http.JSON.createObjectNode();
    input.putObject("sdnc-request-header").put("request-id", "r1")
        .put("rpc-action", "service-reroute");
    input.put("service-name", "s1");
    Http.Reply reply = http.rpc("org-openroadm-service:service-reroute", input);

    assertThat(reply.common().path("response-code").asText()).isEqualTo("500");
    assertThat(reply.common().path("response-message").asText()).isEqualTo("No path found by PCE");
    assertThat(state(http, "s1")).isEqualTo("outOfService");
  }

  @Test
  void brokenJsonWrongTypesAndOversizedBodiesGet4xxAndLeaveStateAlone() {
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);
    String before = http.get("/rests/data/org-openroadm-service:service-list").body();
    var slotsBefore = emulator.admin().usedSlots();

    Http.Reply broken = http.post("/rests/operations/org-openroadm-service:service-create",
        "{\"input\": {\"service-name\": ");
    ObjectNode wrongType = Requests.create("s2", "ran-t100-2", "ran", "b-t100-1", "site-b");
    wrongType.put("service-name", 42);
    Http.Reply typed = http.rpc("org-openroadm-service:service-create", wrongType);
    ObjectNode wrongEnd = Requests.create("s3", "ran-t100-2", "ran", "b-t100-1", "site-b");
    wrongEnd.put("service-a-end", "ran");
    Http.Reply typedEnd = http.rpc("org-openroadm-service:service-create", wrongEnd);
    Http.Reply huge = http.post("/rests/operations/org-openroadm-service:service-create",
        "{\"input\":{\"service-name\":\"" + "x".repeat(EmulatedTransportPce.MAX_BODY_BYTES)
            + "\"}}");
    Http.Reply noInput = http.post("/rests/operations/org-openroadm-service:service-create",
        "[1,2,3]");

    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().at("/errors/error/0/error-tag").asText())
        .isEqualTo("malformed-message");
    assertThat(typed.status()).isEqualTo(400);
    assertThat(typed.json().at("/errors/error/0/error-message").asText())
        .contains("input/service-name", "expected a string");
    assertThat(typedEnd.status()).isEqualTo(400);
    assertThat(typedEnd.json().at("/errors/error/0/error-message").asText())
        .contains("input/service-a-end", "expected an object");
    assertThat(huge.status()).isEqualTo(413);
    assertThat(huge.json().at("/errors/error/0/error-tag").asText()).isEqualTo("too-big");
    assertThat(noInput.status()).isEqualTo(400);
    assertThat(http.get("/rests/data/org-openroadm-service:service-list").body())
        .isEqualTo(before);
    assertThat(emulator.admin().usedSlots()).isEqualTo(slotsBefore);
  }

  @Test
  void requestsWithoutCredentialsGet401() {
    Http.Reply reply = http.getWithoutAuth("/rests/data/org-openroadm-service:service-list");
    Http.Reply wrong = new Http(emulator.port(), "admin", "nope")
        .get("/rests/data/org-openroadm-service:service-list");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(reply.json().at("/errors/error/0/error-tag").asText()).isEqualTo("access-denied");
  }

  @Test
  void servesTheFourTopologyLayers() {
    for (String layer : new String[] {"clli-network", "openroadm-network", "openroadm-topology",
        "otn-topology"}) {
      Http.Reply reply = http.get("/rests/data/ietf-network:networks/network=" + layer
          + "?content=config");
      assertThat(reply.status()).as(layer).isEqualTo(200);
      assertThat(reply.json().at("/ietf-network:network/0/network-id").asText()).isEqualTo(layer);
    }
    String topology = http.get("/rests/data/ietf-network:networks/network=openroadm-topology")
        .body();
    assertThat(topology).contains("ROADM-TO-ROADM", "XPONDER-OUTPUT", "EXPRESS-LINK",
        "avail-freq-maps", "roadm-a-SRG1", "a-t100-1-XPDR1");
  }

  @Test
  void tempServicesAreKeyedByCommonId() {
    ObjectNode temp = Requests.create("ignored", "a-sw1g-1", "site-a", "b-sw1g-1", "site-b");
    temp.remove("service-name");
    temp.remove("service-resiliency");
    temp.put("common-id", "mig-1");
    ((ObjectNode) temp.get("sdnc-request-header")).put("rpc-action", "temp-service-create");

    Http.Reply created = http.rpc("org-openroadm-service:temp-service-create", temp);
    Http.Reply duplicate = http.rpc("org-openroadm-service:temp-service-create", temp);

    assertThat(created.common().path("response-message").asText())
        .isEqualTo("PCE calculation in progress");
    assertThat(duplicate.common().path("response-message").asText())
        .isEqualTo("Service 'Temp (mig-1)' already exists in datastore");
    await("temp inService", WITHIN, () -> http.get(
        "/rests/data/org-openroadm-service:temp-service-list/services=mig-1").body()
        .contains("\"operational-state\":\"inService\"") ? 1 : null);
    assertThat(state(http, "mig-1")).as("not in the service-list").isEqualTo("absent");

    ObjectNode delete = Http.JSON.createObjectNode().put("common-id", "mig-1");
    assertThat(http.rpc("org-openroadm-service:temp-service-delete", delete).common()
        .path("response-message").asText()).isEqualTo("Renderer temp-service delete in progress");
    await("temp gone", WITHIN, () -> http.get(
        "/rests/data/org-openroadm-service:temp-service-list").status() == 409 ? 1 : null);
    assertThat(http.rpc("org-openroadm-service:temp-service-delete", delete).common()
        .path("response-message").asText()).isEqualTo("Service 'mig-1' does not exist in datastore");
  }

  @Test
  void feasibilityCheckAnswersInProgressAndStoresNothing() {
    ObjectNode input = Requests.ranToA("f1");
    input.put("common-id", "c1");
    ((ObjectNode) input.get("sdnc-request-header"))
        .put("rpc-action", "service-feasibility-check");

    Http.Reply reply = http.rpc("org-openroadm-service:service-feasibility-check", input);

    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("PCE calculation in progress");
    assertThat(http.get("/rests/data/org-openroadm-service:service-list").status())
        .isEqualTo(409);
  }

  @Test
  void serviceRestorationRecreatesAServiceThatIsDown() {
    ObjectNode input = Requests.ranToA("s1");
    ((ObjectNode) input.get("service-resiliency"))
        .put("resiliency", "org-openroadm-common-service-types:unprotected");
    http.rpc("org-openroadm-service:service-create", input);
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);
    ObjectNode restore = Http.JSON.createObjectNode().put("service-name", "s1")
        .put("option", "permanent");

    JsonNode whileUp = http.rpc("org-openroadm-service:service-restoration", restore).json();
    http.post("/ferry/admin/cut", "{\"fiber\":\"fiber-ran-a\"}");
    await("down", WITHIN, () -> state(http, "s1").equals("outOfService") ? 1 : null);
    JsonNode whileDown = http.rpc("org-openroadm-service:service-restoration", restore).json();

    assertThat(whileUp.at("/org-openroadm-service:output/response-message").asText())
        .isEqualTo("Service 's1' is in 'inService' state");
    assertThat(whileDown.at("/org-openroadm-service:output/response-message").asText())
        .isEqualTo("Renderer service delete in progress");
    await("restored", WITHIN, () -> state(http, "s1").equals("inService")
        && Requests.aToZ(http, "s1").toString().contains("roadm-b") ? 1 : null);
    ObjectNode ghost = restore.deepCopy().put("service-name", "ghost");
    assertThat(http.rpc("org-openroadm-service:service-restoration", ghost).json()
        .at("/org-openroadm-service:output/response-message").asText())
        .isEqualTo("Service 'ghost' does not exist in datastore");
  }

  @Test
  void nbiNotificationsAreReadOncePerConsumerGroupAnd204WhenNothingIsNew() {
    ObjectNode read = Http.JSON.createObjectNode().put("connection-type", "service")
        .put("id-consumer", "c").put("group-id", "g");
    assertThat(http.rpc("nbi-notifications:get-notifications-process-service", read).status())
        .isEqualTo(204);
    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s1"));
    await("inService", WITHIN, () -> state(http, "s1").equals("inService") ? 1 : null);

    Http.Reply first = http.rpc("nbi-notifications:get-notifications-process-service", read);
    Http.Reply again = http.rpc("nbi-notifications:get-notifications-process-service", read);

    assertThat(first.json().at("/nbi-notifications:output/notifications-process-service/0"
        + "/message").asText()).isEqualTo("Service implemented !");
    assertThat(again.status()).isEqualTo(204);
  }

  private static Arguments missing(String what, Consumer<ObjectNode> change, String message) {
    return Arguments.of(what, change, message);
  }

  private static ObjectNode header(ObjectNode input) {
    return (ObjectNode) input.get("sdnc-request-header");
  }

  private static ObjectNode aEnd(ObjectNode input) {
    return (ObjectNode) input.get("service-a-end");
  }
}
