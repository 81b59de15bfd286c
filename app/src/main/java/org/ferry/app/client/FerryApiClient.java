package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A client of {@code ferry server}'s REST API ({@code docs/server-api.md}): JSON requests with
 * the bearer token, and the run event streams. Every request has a timeout; an answer that is
 * not a success becomes an {@link ApiException} whose message a user can act on.
 */
public final class FerryApiClient {

  /** How long connecting, and then waiting for an answer's head, may take. */
  static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI server;
  private final String token;
  private final HttpClient http;
  private final Duration idleLimit;
  private final Duration requestTimeout;

  /**
   * @param server where {@code ferry server} listens, {@code http://HOST:PORT} or https
   * @param token the bearer token
   * @throws IllegalArgumentException if {@code server} is not an http or https URL
   */
  public FerryApiClient(URI server, String token) {
    this(server, token, REQUEST_TIMEOUT, EventStream.IDLE_LIMIT);
  }

  /**
   * @param requestTimeout how long connecting, and then an answer's head, may take
   * @param idleLimit how long an event stream may stay silent before it is given up
   */
  FerryApiClient(URI server, String token, Duration requestTimeout, Duration idleLimit) {
    String scheme = server.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme) || server.getHost() == null) {
      throw new IllegalArgumentException("--server must be an http:// or https:// URL, e.g."
          + " http://127.0.0.1:8080; got '" + server + "'");
    }
    this.server = URI.create(server.toString().replaceAll("/+$", ""));
    this.token = Objects.requireNonNull(token, "token");
    this.idleLimit = idleLimit;
    this.requestTimeout = requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(requestTimeout)
        .followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** The server, as the user named it: for messages. */
  public URI server() {
    return server;
  }

  /** {@code raw} as one path segment: a run id typed by a user cannot reach another route. */
  public static String segment(String raw) {
    return java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8)
        .replace("+", "%20");
  }

  /** {@code raw} as a query parameter's value. */
  public static String queryValue(String raw) {
    return java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** GETs {@code path} (with its query) and returns the JSON answer. */
  public JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  /** POSTs {@code body} as JSON to {@code path} and returns the JSON answer. */
  public JsonNode post(String path, JsonNode body) {
    return send(request(path).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
  }

  /**
   * Follows the server-sent events at {@code path}, handing each to {@code handler} until it
   * returns false. When the stream ends or goes silent before that (the server dropped a slow
   * client, the connection broke), it reconnects with {@code Last-Event-ID}, so no event is
   * missed or repeated.
   *
   * @param after the id of the last event already seen, 0 for all the server has
   * @return the id of the last event handed over
   * @throws ApiException if the server refuses the stream or cannot be reached again
   */
  public long follow(String path, long after, Predicate<ServerSentEvent> handler)
      throws InterruptedException {
    return new EventStream(this, path, idleLimit).follow(after, handler);
  }

  /** Opens one event stream after {@code lastEventId}: the answer's body, once it is a 200. */
  InputStream openEvents(String path, long lastEventId) throws InterruptedException {
    HttpRequest.Builder request = request(path).header("Accept", "text/event-stream").GET();
    if (lastEventId > 0) {
      request.header("Last-Event-ID", Long.toString(lastEventId));
    }
    HttpResponse<InputStream> response = exchange(request.build(),
        HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      String body;
      try (InputStream in = response.body()) {
        body = new String(in.readNBytes(64 * 1024), java.nio.charset.StandardCharsets.UTF_8);
      } catch (IOException e) {
        body = "";
      }
      throw ProblemMessages.refusal(response.statusCode(), body);
    }
    return response.body();
  }

  private HttpRequest.Builder request(String path) {
    // The timeout bounds the wait for the answer's head; a stream's body is watched separately.
    return HttpRequest.newBuilder(URI.create(server + path)).timeout(requestTimeout)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = exchange(request, HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ApiException(0, ApiException.SERVER_FAILURE, "interrupted while waiting for "
          + server, e);
    }
    if (response.statusCode() / 100 != 2) {
      throw ProblemMessages.refusal(response.statusCode(), response.body());
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new ApiException(response.statusCode(), ApiException.SERVER_FAILURE, server
          + " answered " + request.uri().getPath() + " with something that is not JSON", e);
    }
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws InterruptedException {
    try {
      return http.send(request, body);
    } catch (ConnectException | HttpConnectTimeoutException e) {
      throw unreachable(e);
    } catch (HttpTimeoutException e) {
      throw new ApiException(0, ApiException.SERVER_FAILURE, server + " did not answer "
          + request.method() + " " + request.uri().getPath() + " within "
          + requestTimeout.toSeconds() + " s", e);
    } catch (IOException e) {
      if (e.getCause() instanceof ConnectException) {
        throw unreachable(e);
      }
      throw new ApiException(0, ApiException.SERVER_FAILURE, "talking to " + server
          + " failed: " + e, e);
    }
  }

  private ApiException unreachable(IOException e) {
    return new ApiException(0, ApiException.SERVER_FAILURE, "cannot reach " + server
        + ": is `ferry server` running there?", e);
  }
}
