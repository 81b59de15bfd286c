package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.function.Supplier;

/** Request bodies for the conformance tests, and waiting. */
final class Requests {

  private Requests() {}

  /** A valid service-create input: 100G Ethernet between two xponders, restorable. */
  static ObjectNode create(String name, String aNode, String aClli, String zNode, String zClli) {
    ObjectNode input = Http.JSON.createObjectNode();
    input.putObject("sdnc-request-header").put("request-id", "req-" + name)
        .put("rpc-action", "service-create").put("request-system-id", "appname");
    input.put("service-name", name);
    input.put("connection-type", "service");
    input.set("service-a-end", end(aNode, aClli));
    input.set("service-z-end", end(zNode, zClli));
    input.putObject("service-resiliency")
        .put("resiliency", "org-openroadm-common-service-types:restorable");
    return input;
  }

  /** ran-t100-1 to a-t100-1: the direct path is fiber-ran-a. */
  static ObjectNode ranToA(String name) {
    return create(name, "ran-t100-1", "ran", "a-t100-1", "site-a");
  }

  static ObjectNode end(String node, String clli) {
    ObjectNode end = Http.JSON.createObjectNode();
    end.put("service-rate", "100").put("service-format", "Ethernet").put("clli", clli)
        .put("node-id", node);
    end.putArray("tx-direction").addObject().put("index", 0);
    end.putArray("rx-direction").addObject().put("index", 0);
    return end;
  }

  static ObjectNode pathRequest(String name, String aNode, String aClli, String zNode,
      String zClli) {
    ObjectNode input = Http.JSON.createObjectNode();
    input.put("service-name", name).put("resource-reserve", "true");
    input.putObject("service-handler-header").put("request-id", "pce-" + name);
    input.set("service-a-end", end(aNode, aClli));
    input.set("service-z-end", end(zNode, zClli));
    input.put("pce-routing-metric", "hop-count");
    return input;
  }

  static ObjectNode delete(String name) {
    ObjectNode input = Http.JSON.createObjectNode();
    input.putObject("sdnc-request-header").put("request-id", "del-" + name)
        .put("rpc-action", "service-delete");
    input.putObject("service-delete-req-info").put("service-name", name)
        .put("tail-retention", "no");
    return input;
  }

  /** Polls until the supplier gives a non-null value, or fails after {@code within}. */
  static <T> T await(String what, Duration within, Supplier<T> probe) {
    long deadline = System.nanoTime() + within.toNanos();
    while (true) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out after " + within + " waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        throw new AssertionError(e);
      }
    }
  }

  /** The operational state of a service, or "absent" on 409. */
  static String state(Http http, String name) {
    Http.Reply r = http.get("/rests/data/org-openroadm-service:service-list/services=" + name
        + "?content=nonconfig");
    if (r.status() == 409) {
      return "absent";
    }
    JsonNode s = r.json().path("org-openroadm-service:services").path(0);
    return s.path("operational-state").asText();
  }

  /** The aToZ direction of a service's path. */
  static JsonNode aToZ(Http http, String name) {
    return http.get("/rests/data/transportpce-service-path:service-path-list/service-paths="
        + name + "?content=nonconfig").json().path("transportpce-service-path:service-paths")
        .path(0).path("path-description").path("aToZ-direction");
  }
}
