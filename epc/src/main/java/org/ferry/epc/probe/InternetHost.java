package org.ferry.epc.probe;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.epc.wire.Datagrams;
import org.ferry.epc.wire.Threads;

/** A host on the Internet side of the SGi interface: echoes every UDP datagram to its sender. */
public final class InternetHost implements Closeable {
  private final DatagramSocket socket;
  private final AtomicLong echoed = new AtomicLong();

  /** @param bind where to listen (port 0: any free port) @throws IOException if it cannot bind */
  public InternetHost(InetSocketAddress bind) throws IOException {
    this.socket = new DatagramSocket(bind);
    Threads.start("internet-host", this::loop);
  }

  /** @return the bound address */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** @return how many datagrams were echoed */
  public long echoed() {
    return echoed.get();
  }

  private void loop() {
    Datagrams.receiveUntilClosed(socket, "echo", null, (buf, length, from) -> {
      try {
        socket.send(new DatagramPacket(buf, length, from));
        echoed.incrementAndGet();
      } catch (IOException e) {
        // the sender is gone: keep serving
      }
    });
  }

  @Override
  public void close() {
    socket.close();
  }
}
