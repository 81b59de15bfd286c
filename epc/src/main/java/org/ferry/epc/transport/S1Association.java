package org.ferry.epc.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.SocketAddress;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One S1-MME association: S1AP PDUs in and out, message boundaries kept. Sending is thread-safe;
 * one thread receives.
 */
public interface S1Association extends Closeable {
  /** Sends one S1AP PDU. @throws IOException if the association is gone */
  void send(byte[] pdu) throws IOException;

  /**
   * @return the next S1AP PDU's bytes; blocks
   * @throws java.io.EOFException when the peer closed the association
   * @throws MalformedMessageException if the transport framing is broken; the association
   *     cannot continue and the caller closes it
   */
  byte[] receive() throws IOException, MalformedMessageException;

  /** @return the peer's address */
  SocketAddress peer();

  /** @return whether the association is still open */
  boolean isOpen();
}
