package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A bare HTTP client for the conformance tests: sends what it is given, byte for byte. */
final class Http {

  static final ObjectMapper JSON = new ObjectMapper();

  /** A reply: its status and body. */
  record Reply(int status, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    /** configuration-response-common of an org-openroadm-service output. */
    JsonNode common() {
      return json().path("org-openroadm-service:output").path("configuration-response-common");
    }
  }

  private final HttpClient client = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;
  private final String auth;

  Http(int port) {
    this(port, "admin", "admin");
  }

  Http(int port, String user, String password) {
    this.base = "http://127.0.0.1:" + port;
    this.auth = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
        .getBytes(StandardCharsets.UTF_8));
  }

  Reply post(String path, String body) {
    // A body over the emulator's limit asks first (Expect: 100-continue), as a careful client
    // does: the 413 then comes before the body is sent, instead of racing a connection the
    // server closes while the client is still writing.
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .expectContinue(body.length() > EmulatedTransportPce.MAX_BODY_BYTES)
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  Reply post(String path, JsonNode body) {
    return post(path, body.toString());
  }

  Reply rpc(String rpc, JsonNode input) {
    return post("/rests/operations/" + rpc, JSON.createObjectNode().set("input", input));
  }

  Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  Reply getWithoutAuth(String path) {
    try {
      HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
          .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(35))
          .header("Authorization", auth).header("Content-Type", "application/json")
          .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.body());
    } catch (Exception e) {
      throw new AssertionError("request failed", e);
    }
  }
}
