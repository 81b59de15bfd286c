package org.ferry.epc.transport;

import com.sun.nio.sctp.MessageInfo;
import com.sun.nio.sctp.SctpChannel;
import com.sun.nio.sctp.SctpServerChannel;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.ferry.epc.wire.Args;

/**
 * S1-MME over SCTP as TS 36.412 specifies it: one S1AP PDU per SCTP message, payload protocol
 * identifier 18 (S1AP), stream 0. Needs a kernel with SCTP and the JDK's {@code jdk.sctp} module
 * with libsctp; {@link S1Transports#available(String)} says whether this machine has them. Not
 * exercised by the tests on the development machines, whose kernel has no SCTP.
 */
public final class SctpS1Transport implements S1Transport {
  /** The SCTP payload protocol identifier of S1AP (TS 36.412 §7). */
  public static final int PPID_S1AP = 18;

  @Override
  public S1Listener listen(InetSocketAddress bind) throws IOException {
    SctpServerChannel server = open(SctpServerChannel::open);
    server.bind(bind);
    return new S1Listener() {
      @Override
      public S1Association accept() throws IOException {
        return new SctpAssociation(server.accept());
      }

      @Override
      public InetSocketAddress address() {
        try {
          return (InetSocketAddress) server.getAllLocalAddresses().iterator().next();
        } catch (IOException e) {
          return bind;
        }
      }

      @Override
      public void close() throws IOException {
        server.close();
      }
    };
  }

  @Override
  public S1Association connect(InetSocketAddress mme, Duration timeout) throws IOException {
    SctpChannel channel = open(SctpChannel::open);
    try {
      channel.connect(mme);
    } catch (IOException e) {
      channel.close();
      throw new IOException("S1 association to MME " + Args.format(mme) + " failed: " + e, e);
    }
    return new SctpAssociation(channel);
  }

  private interface Opener<T> {
    T open() throws IOException;
  }

  private static <T> T open(Opener<T> opener) throws IOException {
    try {
      return opener.open();
    } catch (UnsupportedOperationException e) {
      throw new IOException("SCTP is not available here: " + e.getMessage(), e);
    }
  }

  private static final class SctpAssociation implements S1Association {
    private final SctpChannel channel;
    private final ByteBuffer in = ByteBuffer.allocate(TcpS1Transport.MAX_PDU);

    SctpAssociation(SctpChannel channel) {
      this.channel = channel;
    }

    @Override
    public void send(byte[] pdu) throws IOException {
      MessageInfo info = MessageInfo.createOutgoing(null, 0).payloadProtocolID(PPID_S1AP);
      synchronized (channel) {
        channel.send(ByteBuffer.wrap(pdu), info);
      }
    }

    @Override
    public byte[] receive() throws IOException {
      in.clear();
      MessageInfo info = channel.receive(in, null, null);
      if (info == null || info.bytes() < 0) {
        throw new EOFException("association shut down");
      }
      in.flip();
      byte[] pdu = new byte[in.remaining()];
      in.get(pdu);
      return pdu;
    }

    @Override
    public SocketAddress peer() {
      try {
        return channel.getRemoteAddresses().iterator().next();
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    @Override
    public boolean isOpen() {
      return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }
}
