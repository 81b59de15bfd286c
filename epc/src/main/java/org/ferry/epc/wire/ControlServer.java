package org.ferry.epc.wire;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in's control socket: TCP, meant for loopback. A client sends one line {@code COMMAND
 * [ARGUMENT]} and reads one line of JSON back, e.g. {@code status} gives the state that must
 * survive a move (UE contexts, connections, tunnels) and the counters. Errors come back as
 * {@code {"error": "..."}}.
 */
public final class ControlServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

  /** Answers one command. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param command the first word of the line
     * @param argument the rest of the line, "" if none
     * @return the reply, written as JSON
     * @throws IllegalArgumentException for an unknown command or a bad argument
     */
    Object handle(String command, String argument) throws Exception;
  }

  private final ServerSocket server;
  private final Handler handler;
  private final Thread acceptor;

  /**
   * Binds and starts answering.
   *
   * @param bind address to listen on (port 0: any free port)
   * @param name the function's name, for the thread and the log
   * @param handler answers commands
   * @throws IOException if the address cannot be bound
   */
  public ControlServer(InetSocketAddress bind, String name, Handler handler) throws IOException {
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(bind);
    this.handler = handler;
    this.acceptor = new Thread(this::acceptLoop, name + "-control");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** @return the bound address */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Thread t = new Thread(() -> serve(s), acceptor.getName() + "-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("control accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Socket s) {
    try (s;
        BufferedReader in = new BufferedReader(
            new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
        OutputStream out = s.getOutputStream()) {
      String line;
      while ((line = in.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty()) {
          continue;
        }
        int sp = line.indexOf(' ');
        String command = sp < 0 ? line : line.substring(0, sp);
        String argument = sp < 0 ? "" : line.substring(sp + 1).strip();
        Object reply;
        try {
          reply = handler.handle(command, argument);
        } catch (Exception e) {
          Map<String, Object> err = new LinkedHashMap<>();
          err.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
          reply = err;
        }
        out.write((Json.write(reply) + "\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      LOG.debug("control client gone: {}", e.toString());
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
  }
}
