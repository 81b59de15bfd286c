package org.ferry.epc.diameter;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One Diameter peer connection over TCP: whole messages out, whole frames in. Sending is
 * thread-safe; one thread reads.
 */
public final class DiameterConnection implements Closeable {
  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;

  /** @param socket a connected socket; this connection owns it */
  public DiameterConnection(Socket socket) throws IOException {
    this.socket = socket;
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  /** @return the peer's address */
  public SocketAddress peer() {
    return socket.getRemoteSocketAddress();
  }

  /** Writes {@code m}. @throws IOException if the connection is gone */
  public void send(DiameterMessage m) throws IOException {
    byte[] bytes = DiameterCodec.encode(m);
    synchronized (out) {
      out.write(bytes);
      out.flush();
    }
  }

  /**
   * Reads the next whole message's bytes.
   *
   * @return the bytes, to decode with {@link DiameterCodec#decode}
   * @throws EOFException when the peer closed the connection
   * @throws MalformedMessageException if the header is broken: the stream cannot be
   *     resynchronised, the caller closes the connection
   */
  public byte[] receiveFrame() throws IOException, MalformedMessageException {
    byte[] header = new byte[4];
    in.readFully(header);
    int length = DiameterCodec.frameLength(header);
    byte[] frame = new byte[length];
    System.arraycopy(header, 0, frame, 0, 4);
    in.readFully(frame, 4, length - 4);
    return frame;
  }

  /** @return whether the socket is still open */
  public boolean isOpen() {
    return !socket.isClosed();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
