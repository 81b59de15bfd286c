package org.ferry.compute.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.io.BufferedReader;

/**
 * A QMP client: JSON lines over QEMU's UNIX socket. It reads the greeting, negotiates
 * capabilities (out-of-band execution when offered), then sends one command at a time and waits
 * for its answer (matched by id), with a timeout. Events (asynchronous messages) go to the
 * listeners, on the reader thread.
 */
public final class QmpClient implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNode CLOSED = JSON.createObjectNode().put("closed", true);

  private final String peer;
  private final SocketChannel channel;
  private final BlockingQueue<JsonNode> answers = new LinkedBlockingQueue<>();
  private final List<Consumer<JsonNode>> eventListeners = new CopyOnWriteArrayList<>();
  private final Duration timeout;
  private long nextId;
  private volatile boolean closed;
  private volatile boolean outOfBand;

  private QmpClient(String peer, SocketChannel channel, Duration timeout) {
    this.peer = peer;
    this.channel = channel;
    this.timeout = timeout;
  }

  /**
   * Connects to a QMP socket, waiting up to {@code wait} for QEMU to create it, and negotiates.
   *
   * @param peer a name for errors, e.g. "QEMU hss-1@site-b"
   */
  public static QmpClient connect(String peer, Path socket, Duration wait, Duration timeout) {
    long deadline = System.nanoTime() + wait.toNanos();
    IOException last = null;
    while (System.nanoTime() < deadline) {
      if (Files.exists(socket)) {
        try {
          SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
          ch.connect(UnixDomainSocketAddress.of(socket));
          QmpClient client = new QmpClient(peer, ch, timeout);
          client.startReader();
          client.handshake();
          return client;
        } catch (IOException e) {
          last = e;
        }
      }
      sleep(Duration.ofMillis(5));
    }
    throw new QmpException(peer, "no QMP socket at " + socket + " within " + wait.toMillis()
        + " ms" + (last == null ? "" : ": " + last.getMessage()), last);
  }

  public String peer() {
    return peer;
  }

  /** Called with every event QEMU sends (e.g. MIGRATION, RESUME, STOP). */
  public void addEventListener(Consumer<JsonNode> listener) {
    eventListeners.add(listener);
  }

  /** Runs a command without arguments; returns its "return" member. */
  public JsonNode execute(String command) {
    return execute(command, Map.of());
  }

  /** Runs a command; returns its "return" member, throws with QEMU's error description. */
  public JsonNode execute(String command, Map<String, ?> arguments) {
    return send("execute", command, arguments);
  }

  /**
   * Runs a command out of band: QEMU's monitor I/O thread runs it at once, even while the main
   * thread is blocked, as a post-copy destination's can be on a page that cannot arrive. Only
   * commands QEMU marks as allowing it take this way (migrate-pause and migrate-recover among
   * them); a QEMU that did not offer out-of-band execution runs the command in band.
   */
  public JsonNode executeOutOfBand(String command, Map<String, ?> arguments) {
    return send(outOfBand ? "exec-oob" : "execute", command, arguments);
  }

  /** Whether QEMU offered out-of-band execution and this client took it. */
  public boolean outOfBand() {
    return outOfBand;
  }

  private synchronized JsonNode send(String verb, String command, Map<String, ?> arguments) {
    if (closed) {
      throw new QmpException(peer, command + ": the QMP connection is closed");
    }
    long id = ++nextId;
    ObjectNode request = JSON.createObjectNode().put(verb, command).put("id", id);
    if (!arguments.isEmpty()) {
      request.set("arguments", JSON.valueToTree(arguments));
    }
    try {
      byte[] line = (JSON.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8);
      ByteBuffer buf = ByteBuffer.wrap(line);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    } catch (IOException e) {
      throw new QmpException(peer, command + ": cannot send: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode answer;
      try {
        answer = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new QmpException(peer, command + ": interrupted", e);
      }
      if (answer == null) {
        throw new QmpException(peer, command + ": no answer within " + timeout.toMillis() + " ms");
      }
      if (answer == CLOSED) {
        answers.offer(CLOSED);
        throw new QmpException(peer, command + ": QEMU closed the QMP connection");
      }
      if (answer.path("id").asLong(-1) != id) {
        continue; // the late answer to an earlier command that timed out
      }
      if (answer.has("error")) {
        JsonNode error = answer.get("error");
        throw new QmpException(peer, command + " failed: " + error.path("class").asText() + ": "
            + error.path("desc").asText());
      }
      return answer.path("return");
    }
  }

  private void handshake() {
    JsonNode greeting;
    try {
      greeting = answers.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new QmpException(peer, "interrupted while waiting for the QMP greeting", e);
    }
    if (greeting == null || !greeting.has("QMP")) {
      throw new QmpException(peer, "no QMP greeting, got " + greeting);
    }
    boolean offered = false;
    for (JsonNode capability : greeting.path("QMP").path("capabilities")) {
      offered |= capability.asText().equals("oob");
    }
    execute("qmp_capabilities", offered ? Map.of("enable", List.of("oob")) : Map.of());
    outOfBand = offered;
  }

  private void startReader() {
    Thread.ofVirtual().name("qmp-" + peer).start(() -> {
      try (BufferedReader in = new BufferedReader(
          Channels.newReader(channel, StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode msg = JSON.readTree(line);
          if (msg.has("event")) {
            eventListeners.forEach(l -> l.accept(msg));
          } else {
            answers.offer(msg);
          }
        }
      } catch (IOException e) {
        // the socket closed: QEMU quit or was killed
      } finally {
        closed = true;
        answers.offer(CLOSED);
      }
    });
  }

  /** Whether QEMU closed the connection (it quit or died). */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  static void sleep(Duration d) {
    try {
      Thread.sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
