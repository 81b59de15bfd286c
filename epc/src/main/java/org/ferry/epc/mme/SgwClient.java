package org.ferry.epc.mme;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.epc.gtp.GtpV2Codec;
import org.ferry.epc.gtp.GtpV2Ie;
import org.ferry.epc.gtp.GtpV2Message;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.Datagrams;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MME's S11 side: GTPv2-C requests over UDP to the SPGW, matched to responses by sequence
 * number, retransmitted (N3 = 3 tries, T3 = a third of the timeout) as TS 29.274 §7.6 has it.
 */
public final class SgwClient implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SgwClient.class);
  private static final int TRIES = 3;

  private final DatagramSocket socket;
  private final InetSocketAddress sgw;
  private final Duration timeout;
  private final Counters counters;
  private final Map<Integer, CompletableFuture<GtpV2Message>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger(1);

  /**
   * @param bind the MME's S11 address (port 0: any)
   * @param sgw the SPGW's S11 address (UDP 2123 in a real network)
   * @param timeout per request, over all tries
   * @param counters where to count malformed responses
   * @throws IOException if the address cannot be bound
   */
  public SgwClient(InetSocketAddress bind, InetSocketAddress sgw, Duration timeout,
      Counters counters) throws IOException {
    this.socket = new DatagramSocket(bind);
    this.sgw = sgw;
    this.timeout = timeout;
    this.counters = counters;
    Threads.start("mme-s11", this::readLoop);
  }

  /** @return the MME's S11 address */
  public InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  /** @return the SPGW's S11 address */
  public InetSocketAddress sgw() {
    return sgw;
  }

  private void readLoop() {
    Datagrams.receiveUntilClosed(socket, "S11", LOG, (buf, length, from) -> {
      try {
        GtpV2Message m = GtpV2Codec.decode(Datagrams.copy(buf, length));
        CompletableFuture<GtpV2Message> f = pending.remove(m.sequence());
        if (f == null) {
          counters.increment("gtpc.unexpected");
        } else {
          f.complete(m);
        }
      } catch (MalformedMessageException e) {
        counters.increment("malformed.gtpc");
        LOG.warn("S11 from {}: dropped malformed message: {}", from, e.getMessage());
      }
    });
  }

  /**
   * Sends a request and waits for its response.
   *
   * @param type the message type
   * @param teid the SPGW's S11 TEID (0 for Create Session)
   * @param ies the IEs
   * @return the response
   * @throws IOException if no response came after every try (names the SPGW)
   */
  public GtpV2Message request(int type, long teid, List<GtpV2Ie> ies) throws IOException {
    int seq = sequence.getAndUpdate(s -> s >= 0xffffff ? 1 : s + 1);
    byte[] bytes = GtpV2Codec.encode(new GtpV2Message(type, teid, seq, ies));
    CompletableFuture<GtpV2Message> f = new CompletableFuture<>();
    pending.put(seq, f);
    try {
      for (int i = 0; i < TRIES; i++) {
        socket.send(new DatagramPacket(bytes, bytes.length, sgw));
        try {
          return f.get(timeout.toMillis() / TRIES, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          counters.increment("gtpc.retransmissions");
        }
      }
      throw new IOException("SPGW " + Args.format(sgw) + " did not answer GTPv2-C message " + type
          + " in " + timeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      throw new IOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pending.remove(seq);
    }
  }

  @Override
  public void close() {
    socket.close();
  }
}
