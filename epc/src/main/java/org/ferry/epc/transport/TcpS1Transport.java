package org.ferry.epc.transport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * S1-MME over TCP: each S1AP PDU in a frame of a 4-byte big-endian length and the PDU, since TCP
 * (unlike SCTP) does not keep message boundaries. Used because this kernel has no SCTP.
 */
public final class TcpS1Transport implements S1Transport {
  /** Largest PDU accepted; S1AP PDUs here are well under 1 KB. */
  public static final int MAX_PDU = 64 * 1024;

  @Override
  public S1Listener listen(InetSocketAddress bind) throws IOException {
    ServerSocket server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(bind);
    return new S1Listener() {
      @Override
      public S1Association accept() throws IOException {
        return new TcpAssociation(server.accept());
      }

      @Override
      public InetSocketAddress address() {
        return (InetSocketAddress) server.getLocalSocketAddress();
      }

      @Override
      public void close() throws IOException {
        server.close();
      }
    };
  }

  @Override
  public S1Association connect(InetSocketAddress mme, Duration timeout) throws IOException {
    Socket s = new Socket();
    try {
      s.connect(mme, (int) timeout.toMillis());
    } catch (IOException e) {
      s.close();
      throw new IOException("S1 association to MME " + Args.format(mme) + " failed: " + e, e);
    }
    return new TcpAssociation(s);
  }

  private static final class TcpAssociation implements S1Association {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    TcpAssociation(Socket socket) throws IOException {
      this.socket = socket;
      socket.setTcpNoDelay(true);
      this.in = new DataInputStream(socket.getInputStream());
      this.out = socket.getOutputStream();
    }

    @Override
    public void send(byte[] pdu) throws IOException {
      byte[] frame = ByteBuffer.allocate(4 + pdu.length).putInt(pdu.length).put(pdu).array();
      synchronized (out) {
        out.write(frame);
        out.flush();
      }
    }

    @Override
    public byte[] receive() throws IOException, MalformedMessageException {
      int length = in.readInt();
      if (length <= 0 || length > MAX_PDU) {
        throw new MalformedMessageException("S1-TCP", MalformedMessageException.Reason.BAD_LENGTH,
            "frame length " + length);
      }
      byte[] pdu = new byte[length];
      in.readFully(pdu);
      return pdu;
    }

    @Override
    public SocketAddress peer() {
      return socket.getRemoteSocketAddress();
    }

    @Override
    public boolean isOpen() {
      return !socket.isClosed();
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
