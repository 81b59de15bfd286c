package org.ferry.optical.transportpce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.seam.SouthboundException;

/**
 * RFC 8040 over {@link HttpClient}: RPCs ({@code POST {base}/operations/{module}:{rpc}}) and data
 * reads ({@code GET {base}/data/...}) in JSON with basic authentication. Maps what goes wrong to
 * {@link SouthboundException}s that name the controller: connection failures, time-outs and 5xx
 * are retriable, other 4xx are not; the RESTCONF {@code error-message} is quoted.
 *
 * <p>Thread-safe; one HTTP client per controller.
 */
public final class RestconfClient {

  private final URI base;
  private final String authorization;
  private final Duration timeout;
  private final String peer;
  private final HttpClient http;
  private final AtomicLong dataReads = new AtomicLong();
  private final ObjectMapper mapper = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

  /**
   * @param base the RESTCONF root, e.g. {@code http://10.0.0.5:8181/rests}
   * @param user basic-auth user
   * @param password its password
   * @param timeout per request
   */
  public RestconfClient(URI base, String user, String password, Duration timeout) {
    String root = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.peer = "TransportPCE at " + this.base;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** Who this client calls, for messages. */
  public String peer() {
    return peer;
  }

  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Calls an RPC with {@code {"input": input}}.
   *
   * @param rpc module-qualified, e.g. {@code org-openroadm-service:service-create}
   * @return the {@code output} (module prefix removed), or empty on 204 (no output)
   */
  public Optional<JsonNode> rpc(String rpc, Object input) {
    ObjectNode body = mapper.createObjectNode();
    body.set("input", mapper.valueToTree(input));
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base
        + "/operations/" + rpc)).POST(HttpRequest.BodyPublishers.ofString(body.toString())),
        "POST operations/" + rpc);
    if (response.statusCode() == 204) {
      return Optional.empty();
    }
    JsonNode reply = parse(response, rpc);
    String module = rpc.substring(0, rpc.indexOf(':'));
    JsonNode output = reply.has(module + ":output") ? reply.get(module + ":output")
        : reply.get("output");
    if (output == null) {
      throw new SouthboundException(peer, rpc + " answered without an output: " + reply, false);
    }
    return Optional.of(output);
  }

  /**
   * Reads a data resource.
   *
   * @param path below {@code /data/}, e.g. {@code org-openroadm-service:service-list}
   * @return the document, or empty when RESTCONF says the data is missing (409 data-missing, or
   *     404)
   */
  public Optional<JsonNode> get(String path) {
    dataReads.incrementAndGet();
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/data/"
        + path)).GET(), "GET data/" + path);
    return Optional.ofNullable(parse(response, path));
  }

  /** How many data reads ({@link #get}) this client has made: what a reading costs. */
  long dataReads() {
    return dataReads.get();
  }

  /** A GET or POST outside {@code /rests} on the same host (the emulator's admin API). */
  HttpResponse<String> raw(String method, String path, String json) {
    URI uri = base.resolve(path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    request = json == null ? request.GET()
        : request.method(method, HttpRequest.BodyPublishers.ofString(json));
    return send(request, method + " " + path);
  }

  JsonNode read(HttpResponse<String> response, String what) {
    JsonNode node = parse(response, what);
    if (node == null) {
      throw new SouthboundException(peer, what + ": the data does not exist", false);
    }
    return node;
  }

  private HttpResponse<String> send(HttpRequest.Builder request, String what) {
    try {
      return http.send(request.timeout(timeout)
          .header("Authorization", authorization)
          .header("Content-Type", "application/json")
          .header("Accept", "application/json").build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new SouthboundException(peer, what + " timed out after " + timeout, true, e);
    } catch (IOException e) {
      throw new SouthboundException(peer, what + " failed: " + e, true, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted during " + what);
    }
  }

  private JsonNode parse(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status == 409 || status == 404) {
      JsonNode error = tryParse(response.body());
      String tag = error == null ? "" : error.at("/errors/error/0/error-tag").asText();
      if (status == 409 && !tag.equals("data-missing")) {
        throw new SouthboundException(peer, what + " was refused: " + message(response), false);
      }
      return null;
    }
    if (status >= 400) {
      throw new SouthboundException(peer, what + " was refused with HTTP " + status + ": "
          + message(response), status >= 500);
    }
    JsonNode node = tryParse(response.body());
    if (node == null) {
      throw new SouthboundException(peer, what + " answered HTTP " + status
          + " with a body that is not JSON: " + abbreviate(response.body()), false);
    }
    return node;
  }

  private String message(HttpResponse<String> response) {
    JsonNode error = tryParse(response.body());
    String text = error == null ? "" : error.at("/errors/error/0/error-message").asText("");
    return "'" + (text.isEmpty() ? abbreviate(response.body()) : text) + "'";
  }

  private JsonNode tryParse(String body) {
    try {
      return body == null || body.isBlank() ? null : mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static String abbreviate(String body) {
    return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
  }
}
