package org.ferry.optical.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.optical.emulator.EmulatorConformanceTest.FAST;
import static org.ferry.optical.emulator.EmulatorConformanceTest.WITHIN;
import static org.ferry.optical.emulator.Requests.await;
import static org.ferry.optical.emulator.Requests.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Xponders with several ports, as in TransportPCE's end-to-end test over XPDR-A1 (test12): the
 * first service takes XPDR1-NETWORK1 at 196.1 THz, a second between the same xponders
 * XPDR1-NETWORK2 at 196.05 THz, a third finds no port; ports asked for are honoured; the hops
 * of a service path run client TP to client TP.
 */
class XponderPortsConformanceTest {

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
  void aSecondServiceBetweenTheSameXpondersTakesTheNextPortPairAndFrequency() {
    createAndAwait("s1", Requests.ranToA("s1"));
    createAndAwait("s2", Requests.ranToA("s2"));

    assertThat(Requests.aToZ(http, "s1").path("central-frequency").asDouble()).isEqualTo(196.1);
    assertThat(Requests.aToZ(http, "s2").path("central-frequency").asDouble()).isEqualTo(196.05);
    assertThat(tpIds(Requests.aToZ(http, "s2"))).startsWith("ran-t100-1-XPDR1/XPDR1-CLIENT2",
        "ran-t100-1-XPDR1/XPDR1-NETWORK2", "roadm-ran-SRG1/SRG1-PP2-TXRX");
    JsonNode xpdr = node("openroadm-topology", "ran-t100-1-XPDR1");
    assertThat(wavelength(xpdr, "XPDR1-NETWORK1").path("frequency").asDouble()).isEqualTo(196.1);
    assertThat(wavelength(xpdr, "XPDR1-NETWORK1").path("width").asDouble()).isEqualTo(40.0);
    assertThat(wavelength(xpdr, "XPDR1-NETWORK2").path("frequency").asDouble())
        .isEqualTo(196.05);

    http.rpc("org-openroadm-service:service-create", Requests.ranToA("s3"));
    JsonNode failure = failureOf("s3");
    assertThat(failure.path("response-failed").asText()).isEqualTo("PCE path computation failed !");
    assertThat(failure.path("pce-detail").asText())
        .isEqualTo("every network port of ran-t100-1 is in use");
  }

  @Test
  void thePortsAskedForAreHonouredAndAPortInUseIsRefused() {
    ObjectNode input = Requests.ranToA("s1");
    askPort(input, "service-a-end", "XPDR1-CLIENT2");
    createAndAwait("s1", input);
    assertThat(tpIds(Requests.aToZ(http, "s1"))).startsWith("ran-t100-1-XPDR1/XPDR1-CLIENT2",
        "ran-t100-1-XPDR1/XPDR1-NETWORK2");
    assertThat(tpIds(Requests.aToZ(http, "s1"))).endsWith("a-t100-1-XPDR1/XPDR1-NETWORK1",
        "a-t100-1-XPDR1/XPDR1-CLIENT1");

    ObjectNode again = Requests.ranToA("s2");
    askPort(again, "service-a-end", "XPDR1-NETWORK2");
    http.rpc("org-openroadm-service:service-create", again);

    JsonNode failure = failureOf("s2");
    assertThat(failure.path("pce-message").asText()).isEqualTo("No path found by PCE");
    assertThat(failure.path("pce-detail").asText())
        .isEqualTo("port XPDR1-NETWORK2 of ran-t100-1 is in use by service 's1'");
    ObjectNode computation = Requests.pathRequest("p", "ran-t100-1", "ran", "a-t100-1",
        "site-a");
    askPort(computation, "service-a-end", "XPDR1-CLIENT2");
    JsonNode pce = http.rpc("transportpce-pce:path-computation-request", computation).json()
        .path("transportpce-pce:output").path("configuration-response-common");
    assertThat(pce.path("response-code").asText()).isEqualTo("500");
    assertThat(pce.path("response-message").asText()).isEqualTo("No path found by PCE");
  }

  @Test
  void aDevicePortNameAsTransportPcesTestsSendIsAcceptedAndAFreePortPicked() {
    ObjectNode input = Requests.ranToA("s1");
    askPort(input, "service-a-end", "1/0/2-PLUG-CLIENT");
    askPort(input, "service-z-end", "XPDR1-CLIENT2");
    createAndAwait("s1", input);

    assertThat(tpIds(Requests.aToZ(http, "s1"))).startsWith("ran-t100-1-XPDR1/XPDR1-CLIENT1")
        .endsWith("a-t100-1-XPDR1/XPDR1-CLIENT2");
  }

  @Test
  void aPortTheXponderDoesNotHaveLeavesNoPathNamingItsPorts() {
    ObjectNode input = Requests.ranToA("s1");
    askPort(input, "service-a-end", "XPDR1-CLIENT7");
    http.rpc("org-openroadm-service:service-create", input);

    assertThat(failureOf("s1").path("pce-detail").asText()).isEqualTo("port XPDR1-CLIENT7 is not"
        + " a port of ran-t100-1 (it has XPDR1-NETWORK1..2 and XPDR1-CLIENT1..2)");
  }

  @Test
  void hopsRunFromClientToClientThroughTheLinksTransportPceBuilds() {
    createAndAwait("s1", Requests.create("s1", "ran-t100-1", "ran", "b-t100-1", "site-b"));

    JsonNode aToZ = Requests.aToZ(http, "s1");
    List<String> links = new ArrayList<>();
    aToZ.path("aToZ").forEach(h -> {
      if (h.path("resource").has("link-id")) {
        links.add(h.path("resource").path("link-id").asText());
      }
    });
    assertThat(links).containsExactly(
        "ran-t100-1-XPDR1-XPDR1-NETWORK1toroadm-ran-SRG1-SRG1-PP1-TXRX",
        "roadm-ran-SRG1-SRG1-CP-TXRXtoroadm-ran-DEG2-DEG2-CTP-TXRX",
        "roadm-ran-DEG2-DEG2-TTP-TXRXtoroadm-b-DEG2-DEG2-TTP-TXRX",
        "roadm-b-DEG2-DEG2-CTP-TXRXtoroadm-b-SRG1-SRG1-CP-TXRX",
        "roadm-b-SRG1-SRG1-PP1-TXRXtob-t100-1-XPDR1-XPDR1-NETWORK1");
    JsonNode hops = aToZ.path("aToZ");
    assertThat(hops.path(0).path("resource").path("tp-id").asText()).isEqualTo("XPDR1-CLIENT1");
    assertThat(hops.path(1).path("resource").path("node-id").asText())
        .isEqualTo("ran-t100-1-XPDR1");
    for (int i = 0; i < hops.size(); i++) {
      assertThat(hops.path(i).path("id").asText()).isEqualTo(String.valueOf(i));
    }
    JsonNode last = hops.path(hops.size() - 1).path("resource");
    assertThat(last.path("tp-node-id").asText()).isEqualTo("b-t100-1-XPDR1");
    assertThat(last.path("tp-id").asText()).isEqualTo("XPDR1-CLIENT1");
  }

  @Test
  void openroadmNetworkAndTopologyCarryWhatTransportPcePublishes() {
    JsonNode roadm = node("openroadm-network", "roadm-a");
    assertThat(roadm.path("org-openroadm-common-network:node-type").asText()).isEqualTo("ROADM");
    assertThat(roadm.path("org-openroadm-network:vendor").asText()).isEqualTo("ferry-emulator");
    assertThat(roadm.path("org-openroadm-network:model").asText()).isEqualTo("roadm");
    JsonNode xponder = node("openroadm-network", "a-t100-1");
    assertThat(xponder.path("org-openroadm-common-network:node-type").asText())
        .isEqualTo("XPONDER");
    assertThat(xponder.path("org-openroadm-network:model").asText())
        .isEqualTo("transponder-100g");

    JsonNode xpdr = node("openroadm-topology", "a-t100-2-XPDR1");
    assertThat(xpdr.path("ietf-network-topology:termination-point")).extracting(
        tp -> tp.path("tp-id").asText() + ":" + tp.path("org-openroadm-common-network:tp-type")
            .asText()).containsExactly("XPDR1-NETWORK1:XPONDER-NETWORK",
        "XPDR1-NETWORK2:XPONDER-NETWORK", "XPDR1-CLIENT1:XPONDER-CLIENT",
        "XPDR1-CLIENT2:XPONDER-CLIENT");
    JsonNode network2 = tp(xpdr, "XPDR1-NETWORK2");
    assertThat(network2.path("org-openroadm-network-topology:xpdr-network-attributes")
        .path("tail-equipment-id").asText()).isEqualTo("roadm-a-SRG1--SRG1-PP4-TXRX");
    assertThat(network2.path("org-openroadm-common-network:associated-connection-map-tp")
        .path(0).asText()).isEqualTo("XPDR1-CLIENT2");
    JsonNode srg = node("openroadm-topology", "roadm-a-SRG1");
    assertThat(srg.path("ietf-network-topology:termination-point")).extracting(
        tp -> tp.path("tp-id").asText()).containsExactly("SRG1-CP-TXRX", "SRG1-PP1-TXRX",
        "SRG1-PP2-TXRX", "SRG1-PP3-TXRX", "SRG1-PP4-TXRX");
    JsonNode links = http.get("/rests/data/ietf-network:networks/network=openroadm-topology")
        .json().path("ietf-network:network").path(0).path("ietf-network-topology:link");
    List<String> types = new ArrayList<>();
    links.forEach(l -> types.add(l.path("org-openroadm-common-network:link-type").asText()));
    assertThat(types).contains("XPONDER-INPUT", "XPONDER-OUTPUT", "ADD-LINK", "DROP-LINK",
        "EXPRESS-LINK", "ROADM-TO-ROADM");
  }

  @Test
  void tempServiceCreateHasTheLifeCycleAndNotificationsOfServiceCreate() {
    ObjectNode temp = Requests.ranToA("ignored");
    temp.remove("service-name");
    temp.remove("service-resiliency");
    temp.put("common-id", "tmp-1");
    ((ObjectNode) temp.get("sdnc-request-header")).put("rpc-action", "temp-service-create");

    http.rpc("org-openroadm-service:temp-service-create", temp);

    String list = "/rests/data/org-openroadm-service:temp-service-list/services=tmp-1";
    assertThat(http.get(list).status()).as("absent while the PCE runs").isEqualTo(409);
    await("outOfService", WITHIN, () -> http.get(list).body()
        .contains("\"operational-state\":\"outOfService\"") ? 1 : null);
    JsonNode implemented = await("implemented", WITHIN, () -> {
      for (JsonNode n : http.get("/ferry/notifications?after=0").json().path("notifications")) {
        if (n.path("message").asText().equals("Service implemented !")) {
          return n;
        }
      }
      return null;
    });
    assertThat(implemented.path("service-name").asText()).isEqualTo("tmp-1");
    assertThat(implemented.path("is-temp-service").asBoolean()).isTrue();
    assertThat(implemented.path("operational-state").asText()).isEqualTo("inService");
    assertThat(http.get(list).body()).contains("\"administrative-state\":\"inService\"");
  }

  @Test
  void itStartsEmptyWhenTheTopologyDeclaresNoServices() {
    assertThat(http.get("/rests/data/org-openroadm-service:service-list").status())
        .isEqualTo(409);
    assertThat(http.get("/rests/data/transportpce-service-path:service-path-list").status())
        .isEqualTo(409);
    assertThat(emulator.admin().spectrum().path("fibers")).allSatisfy(
        f -> assertThat(f.path("used-slots").asInt()).as(f.path("fiber").asText()).isZero());
  }

  private void createAndAwait(String name, ObjectNode input) {
    Http.Reply reply = http.rpc("org-openroadm-service:service-create", input);
    assertThat(reply.common().path("response-message").asText())
        .isEqualTo("PCE calculation in progress");
    await(name + " inService", WITHIN, () -> state(http, name).equals("inService") ? 1 : null);
  }

  private JsonNode failureOf(String name) {
    return await("the failure of " + name, WITHIN, () -> {
      for (JsonNode n : http.get("/ferry/notifications?after=0").json().path("notifications")) {
        if (n.path("service-name").asText().equals(name)
            && n.path("message").asText().equals("ServiceCreate request failed ...")) {
          return n;
        }
      }
      return null;
    });
  }

  private static void askPort(ObjectNode input, String end, String port) {
    for (String direction : List.of("tx-direction", "rx-direction")) {
      ((ObjectNode) input.path(end).path(direction).path(0)).putObject("port")
          .put("port-type", "fixed").put("port-name", port);
    }
  }

  private static List<String> tpIds(JsonNode direction) {
    List<String> tps = new ArrayList<>();
    direction.path(direction.has("aToZ") ? "aToZ" : "zToA").forEach(h -> {
      if (h.path("resource").has("tp-id")) {
        tps.add(h.path("resource").path("tp-node-id").asText() + "/"
            + h.path("resource").path("tp-id").asText());
      }
    });
    return tps;
  }

  private JsonNode node(String network, String id) {
    for (JsonNode n : http.get("/rests/data/ietf-network:networks/network=" + network).json()
        .path("ietf-network:network").path(0).path("node")) {
      if (n.path("node-id").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no node " + id + " in " + network);
  }

  private static JsonNode tp(JsonNode node, String id) {
    for (JsonNode tp : node.path("ietf-network-topology:termination-point")) {
      if (tp.path("tp-id").asText().equals(id)) {
        return tp;
      }
    }
    throw new AssertionError("no TP " + id + " on " + node.path("node-id"));
  }

  private static JsonNode wavelength(JsonNode node, String tp) {
    return tp(node, tp).path("org-openroadm-network-topology:xpdr-network-attributes")
        .path("wavelength");
  }
}
