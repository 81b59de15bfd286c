package org.ferry.epc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.epc.wire.Threads;

/**
 * A TCP relay on loopback whose connections a test can cut, as a move without TCP/SCTP repair
 * would: both ends see their connection closed.
 */
final class TcpRelay implements Closeable {
  private final ServerSocket server;
  private final InetSocketAddress target;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();

  TcpRelay(InetSocketAddress target) throws IOException {
    this.target = target;
    this.server = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
    Threads.start("relay-accept", this::acceptLoop);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket in = server.accept();
        Socket out = new Socket(target.getAddress(), target.getPort());
        sockets.add(in);
        sockets.add(out);
        Threads.start("relay-up", () -> pump(in, out));
        Threads.start("relay-down", () -> pump(out, in));
      } catch (IOException e) {
        // closed
      }
    }
  }

  private static void pump(Socket from, Socket to) {
    byte[] buf = new byte[8192];
    try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        out.write(buf, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // cut
    } finally {
      try {
        to.close();
        from.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  /** Closes every relayed connection; new ones are still accepted. */
  void cut() throws IOException {
    for (Socket s : sockets) {
      s.close();
    }
    sockets.clear();
  }

  @Override
  public void close() throws IOException {
    server.close();
    cut();
  }
}
