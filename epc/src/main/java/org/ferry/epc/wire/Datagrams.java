package org.ferry.epc.wire;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;

/** The receive loop every UDP endpoint of the stand-ins runs (S11, S1-U, SGi, the probe). */
public final class Datagrams {

  private Datagrams() {}

  /** Handles one received datagram. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param buffer the receive buffer, reused for the next datagram: copy what you keep
     * @param length how many bytes of it the datagram holds
     * @param from its sender
     */
    void datagram(byte[] buffer, int length, InetSocketAddress from);
  }

  /**
   * Receives on {@code socket} until it is closed, handing each datagram to {@code handler} on the
   * calling thread.
   *
   * @param what names the endpoint in the log line of a failed receive ("S11")
   * @param log where a receive that fails on an open socket is logged; null to pass it over
   */
  public static void receiveUntilClosed(
      DatagramSocket socket, String what, Logger log, Handler handler) {
    byte[] buf = new byte[65535];
    while (!socket.isClosed()) {
      DatagramPacket p = new DatagramPacket(buf, buf.length);
      try {
        socket.receive(p);
      } catch (IOException e) {
        if (log != null && !socket.isClosed()) {
          log.warn("{} receive failed: {}", what, e.toString());
        }
        continue;
      }
      handler.datagram(buf, p.getLength(), (InetSocketAddress) p.getSocketAddress());
    }
  }

  /** A copy of the first {@code length} bytes of {@code buffer}. */
  public static byte[] copy(byte[] buffer, int length) {
    byte[] data = new byte[length];
    System.arraycopy(buffer, 0, data, 0, length);
    return data;
  }
}
