package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * One followed event stream: reads {@code text/event-stream} frames, and reconnects with {@code
 * Last-Event-ID} when the stream ends, breaks or stays silent longer than the server's
 * keep-alive allows.
 */
final class EventStream {

  /** The server sends a keep-alive every 10 s; three missed ones mean the stream is dead. */
  static final Duration IDLE_LIMIT = Duration.ofSeconds(30);
  /** Reconnections in a row, with no event between them, before giving up. */
  static final int RECONNECTS = 5;
  private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);
  private static final ObjectMapper JSON = new ObjectMapper();
  /** What the reader thread hands over when its stream ends or breaks. */
  private static final String END = new String("end of stream");

  private final FerryApiClient client;
  private final String path;
  private final Duration idleLimit;

  EventStream(FerryApiClient client, String path, Duration idleLimit) {
    this.client = client;
    this.path = path;
    this.idleLimit = idleLimit;
  }

  /** See {@link FerryApiClient#follow}. */
  long follow(long after, Predicate<ServerSentEvent> handler) throws InterruptedException {
    long last = after;
    int failures = 0;
    while (true) {
      InputStream body;
      try {
        body = client.openEvents(path, last);
      } catch (ApiException e) {
        // A refusal (401, 404) will not change on retry; an unreachable server might.
        if (e.status() != 0 || ++failures > RECONNECTS) {
          throw e;
        }
        Thread.sleep(RECONNECT_PAUSE.toMillis());
        continue;
      }
      Frames frames = new Frames(body);
      try {
        Optional<ServerSentEvent> event;
        while ((event = frames.next(idleLimit)).isPresent()) {
          failures = 0;
          last = event.get().id();
          if (!handler.test(event.get())) {
            return last;
          }
        }
      } finally {
        frames.close();
      }
      if (++failures > RECONNECTS) {
        throw new ApiException(0, ApiException.SERVER_FAILURE, "the event stream of "
            + client.server() + " kept ending; gave up after " + RECONNECTS + " reconnections",
            null);
      }
      Thread.sleep(RECONNECT_PAUSE.toMillis());
    }
  }

  /**
   * The events of one connection. Lines are read on a thread of their own so that a silent
   * connection can be given up after the idle limit rather than block forever.
   */
  private static final class Frames {
    private final InputStream body;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread reader;

    Frames(InputStream body) {
      this.body = body;
      this.reader = Thread.ofVirtual().name("ferry-events").start(this::read);
    }

    private void read() {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(body, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          lines.add(line);
        }
      } catch (IOException broken) {
        // The connection broke: the caller reconnects from the last event it got.
      } finally {
        lines.add(END);
      }
    }

    /** The next event, or empty when the stream ended, broke or was silent too long. */
    Optional<ServerSentEvent> next(Duration idleLimit) throws InterruptedException {
      Long id = null;
      String type = "message";
      StringBuilder data = new StringBuilder();
      while (true) {
        String line = lines.poll(idleLimit.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null || line == END) {
          return Optional.empty();
        }
        if (line.isEmpty()) {
          if (id != null && !data.isEmpty()) {
            return Optional.of(new ServerSentEvent(id, type, parse(data.toString())));
          }
          // A comment-only frame (the keep-alive): nothing to dispatch.
          id = null;
          data.setLength(0);
          continue;
        }
        if (line.startsWith(":")) {
          continue;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
          value = value.substring(1);
        }
        switch (field) {
          case "id" -> id = parseId(value);
          case "event" -> type = value;
          case "data" -> data.append(data.isEmpty() ? "" : "\n").append(value);
          default -> { }
        }
      }
    }

    void close() {
      try {
        body.close();
      } catch (IOException e) {
        // Giving the connection up: nothing more to read from it.
      }
      reader.interrupt();
    }

    private static Long parseId(String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new ApiException(0, ApiException.SERVER_FAILURE, "the server sent an event id"
            + " that is not a number: '" + value + "'", e);
      }
    }

    private static JsonNode parse(String data) {
      try {
        return JSON.readTree(data);
      } catch (IOException e) {
        throw new ApiException(0, ApiException.SERVER_FAILURE, "the server sent an event that"
            + " is not JSON: " + data, e);
      }
    }
  }
}
