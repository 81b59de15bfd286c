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
 * are retriable, other 4xx are not; the RESTCONF {@code error-message} is quoted, and a reply
 * that is not RESTCONF's (an HTML page, a 404 from another server) is described with the URL,
 * status, content type and an excerpt ({@link ReplyDescriptions}). Every request has the
 * time-out given; reads and the RPCs that change nothing are retried on transient faults
 * ({@link Retries}).
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
  private final Retries retries = Retries.standard();
  private final ObjectMapper mapper = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_ABSENT);

  /**
   * @param base the RESTCONF root, e.g. {@code http://10.0.0.5:8181/rests}
   * @param user basic-auth user
   * @param password its password
   * @param timeout per request
   */
  public RestconfClient(URI base, String user, String password, Duration timeout) {
    this(base, user, password, timeout, Optional.empty());
  }

  /** A client for the controller of some settings, trusting their CA file for https. */
  public RestconfClient(TransportPceSettings settings) {
    this(settings.base(), settings.user(), settings.password(), settings.requestTimeout(),
        settings.caFile());
  }

  /**
   * @param caFile the CA certificates to trust for https instead of the JDK's; empty for the
   *     JDK's
   * @throws IllegalArgumentException naming the CA file if it cannot be used
   */
  public RestconfClient(URI base, String user, String password, Duration timeout,
      Optional<java.nio.file.Path> caFile) {
    String root = Objects.requireNonNull(base, "base").toString();
    this.base = URI.create(root.endsWith("/") ? root.substring(0, root.length() - 1) : root);
    this.authorization = "Basic " + Base64.getEncoder().encodeToString(
        (user + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.peer = "TransportPCE at " + this.base;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout);
    caFile.ifPresent(file -> builder.sslContext(TrustedCertificates.context(file)));
    this.http = builder.build();
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
    URI uri = URI.create(base + "/operations/" + rpc);
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri)
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())), "POST " + uri,
        Retries.safeToRepeat(rpc));
    if (response.statusCode() == 204) {
      return Optional.empty();
    }
    if (response.statusCode() == 404 || response.statusCode() == 409) {
      // an RPC has no "data missing": the server does not know it
      throw new SouthboundException(peer, "POST " + uri + " answered "
          + ReplyDescriptions.of(response) + "; " + ReplyDescriptions.notRestconfHint(base),
          false);
    }
    JsonNode reply = parse(response, "POST " + uri);
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
    URI uri = URI.create(base + "/data/" + path);
    HttpResponse<String> response = send(HttpRequest.newBuilder(uri).GET(), "GET " + uri, true);
    return Optional.ofNullable(parse(response, "GET " + uri));
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
    return send(request, method + " " + uri, false);
  }

  JsonNode read(HttpResponse<String> response, String what) {
    JsonNode node = parse(response, what);
    if (node == null) {
      throw new SouthboundException(peer, what + ": the data does not exist", false);
    }
    return node;
  }

  /**
   * Sends a request; when {@code repeatable}, a transient fault (including a 5xx reply) is
   * retried with backoff, and the last one thrown.
   */
  private HttpResponse<String> send(HttpRequest.Builder request, String what,
      boolean repeatable) {
    HttpRequest built = request.timeout(timeout)
        .header("Authorization", authorization)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json").build();
    if (!repeatable) {
      return sendOnce(built, what);
    }
    return retries.run(() -> {
      HttpResponse<String> response = sendOnce(built, what);
      if (response.statusCode() >= 500) {
        throw new SouthboundException(peer, what + " was refused with " + message(response),
            true);
      }
      return response;
    });
  }

  private HttpResponse<String> sendOnce(HttpRequest request, String what) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (java.net.http.HttpTimeoutException e) {
      throw new SouthboundException(peer, what + " timed out after " + timeout
          + ": check that the controller is up and not overloaded", true, e);
    } catch (IOException e) {
      throw new SouthboundException(peer, ReplyDescriptions.connectionFailure(request.uri(), e),
          !(e instanceof javax.net.ssl.SSLException), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted during " + what);
    }
  }

  private JsonNode parse(HttpResponse<String> response, String what) {
    int status = response.statusCode();
    if (status == 409 || status == 404) {
      JsonNode error = tryParse(response.body());
      if (error == null || !error.has("errors")) {
        // not RESTCONF's error shape: another server, or a wrong path prefix
        throw new SouthboundException(peer, what + " answered " + ReplyDescriptions.of(response)
            + "; " + ReplyDescriptions.notRestconfHint(base), false);
      }
      String tag = error.at("/errors/error/0/error-tag").asText();
      if (status == 409 && !tag.equals("data-missing")) {
        throw new SouthboundException(peer, what + " was refused: " + message(response), false);
      }
      return null;
    }
    if (status >= 400) {
      throw new SouthboundException(peer, what + " was refused with " + message(response)
          + (status == 401 ? "; check --optical-user and the password" : ""), status >= 500);
    }
    JsonNode node = tryParse(response.body());
    if (node == null) {
      throw new SouthboundException(peer, what + " answered " + ReplyDescriptions.of(response)
          + ", which is not JSON; " + ReplyDescriptions.notRestconfHint(base), false);
    }
    return node;
  }

  /** RESTCONF's error-message when the body is RESTCONF's, else a description of the reply. */
  private String message(HttpResponse<String> response) {
    JsonNode error = tryParse(response.body());
    String text = error == null ? "" : error.at("/errors/error/0/error-message").asText("");
    return text.isEmpty() ? ReplyDescriptions.of(response)
        : "HTTP " + response.statusCode() + ": '" + text + "'";
  }

  private JsonNode tryParse(String body) {
    try {
      return body == null || body.isBlank() ? null : mapper.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
