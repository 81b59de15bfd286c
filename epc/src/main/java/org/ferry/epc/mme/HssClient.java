package org.ferry.epc.mme;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.epc.diameter.Avp;
import org.ferry.epc.diameter.DiameterCodec;
import org.ferry.epc.diameter.DiameterConnection;
import org.ferry.epc.diameter.DiameterMessage;
import org.ferry.epc.diameter.S6a;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MME's S6a client: one TCP connection to the HSS, opened with a Capabilities-Exchange, kept
 * open (and re-opened if lost), requests matched to answers by hop-by-hop identifier.
 */
public final class HssClient implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HssClient.class);

  private final InetSocketAddress hss;
  private final String originHost;
  private final String originRealm;
  private final Duration timeout;
  private final Counters counters;
  private final Map<Integer, CompletableFuture<DiameterMessage>> pending = new ConcurrentHashMap<>();
  private final AtomicInteger hopByHop = new AtomicInteger(1);
  private final AtomicInteger sessions = new AtomicInteger();
  private volatile DiameterConnection connection;
  private volatile boolean closed;

  /**
   * @param hss the HSS's S6a address
   * @param originHost the MME's Diameter identity
   * @param originRealm its realm
   * @param timeout per request
   * @param counters where to count malformed answers
   */
  public HssClient(InetSocketAddress hss, String originHost, String originRealm, Duration timeout,
      Counters counters) {
    this.hss = hss;
    this.originHost = originHost;
    this.originRealm = originRealm;
    this.timeout = timeout;
    this.counters = counters;
  }

  /** Connects (and keeps reconnecting in the background when the connection is lost). */
  public void start() {
    Threads.start("mme-s6a", this::connectionLoop);
  }

  /** @return whether the S6a connection is up and has passed the capabilities exchange */
  public boolean connected() {
    DiameterConnection c = connection;
    return c != null && c.isOpen();
  }

  /** @return the HSS's address */
  public InetSocketAddress hss() {
    return hss;
  }

  private void connectionLoop() {
    while (!closed) {
      DiameterConnection c = null;
      try {
        Socket s = new Socket();
        s.connect(hss, (int) timeout.toMillis());
        c = new DiameterConnection(s);
        CompletableFuture<DiameterMessage> cea = new CompletableFuture<>();
        int id = hopByHop.getAndIncrement();
        pending.put(id, cea);
        c.send(new DiameterMessage(DiameterMessage.FLAG_R, S6a.CMD_CAPABILITIES_EXCHANGE, 0, id, id,
            List.of(Avp.utf8(S6a.ORIGIN_HOST, originHost), Avp.utf8(S6a.ORIGIN_REALM, originRealm),
                Avp.u32(S6a.VENDOR_ID, S6a.VENDOR_3GPP), Avp.utf8(S6a.PRODUCT_NAME, "ferry-mme"),
                Avp.u32(S6a.AUTH_APPLICATION_ID, S6a.APPLICATION_ID))));
        DiameterConnection current = c;
        Thread reader = Threads.start("mme-s6a-reader", () -> readLoop(current));
        DiameterMessage answer = cea.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (resultCode(answer) != S6a.RESULT_SUCCESS) {
          throw new IOException("HSS refused the capabilities exchange: " + resultCode(answer));
        }
        connection = c;
        LOG.info("S6a connection to HSS {} up", Args.format(hss));
        reader.join();
        LOG.warn("S6a connection to HSS {} lost; reconnecting", Args.format(hss));
      } catch (IOException | ExecutionException | TimeoutException e) {
        if (!closed) {
          LOG.warn("S6a connection to HSS {} failed: {}", Args.format(hss), e.toString());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        connection = null;
        closeQuietly(c);
      }
      sleep(500);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void closeQuietly(DiameterConnection c) {
    if (c != null) {
      try {
        c.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
  }

  private void readLoop(DiameterConnection c) {
    try {
      while (true) {
        byte[] frame;
        try {
          frame = c.receiveFrame();
        } catch (MalformedMessageException e) {
          counters.increment("malformed.diameter");
          LOG.warn("S6a from HSS: dropped malformed input and the connection: {}", e.getMessage());
          c.close();
          return;
        }
        try {
          DiameterMessage m = DiameterCodec.decode(frame);
          CompletableFuture<DiameterMessage> f = pending.remove(m.hopByHop());
          if (m.isRequest() || f == null) {
            counters.increment("diameter.unexpected");
          } else {
            f.complete(m);
          }
        } catch (MalformedMessageException e) {
          counters.increment("malformed.diameter");
          LOG.warn("S6a from HSS: dropped malformed message: {}", e.getMessage());
        }
      }
    } catch (IOException e) {
      LOG.debug("S6a reader ends: {}", e.toString());
    }
  }

  /** @return the Result-Code, or the Experimental-Result-Code, or -1 */
  public static long resultCode(DiameterMessage m) {
    try {
      if (m.avp(S6a.RESULT_CODE).isPresent()) {
        return m.avp(S6a.RESULT_CODE).get().u32();
      }
      if (m.avp(S6a.EXPERIMENTAL_RESULT).isPresent()) {
        for (Avp a : m.avp(S6a.EXPERIMENTAL_RESULT).get().members()) {
          if (a.code() == S6a.EXPERIMENTAL_RESULT_CODE) {
            return a.u32();
          }
        }
      }
    } catch (MalformedMessageException e) {
      return -1;
    }
    return -1;
  }

  private DiameterMessage request(int command, String imsi, List<Avp> body) throws IOException {
    DiameterConnection c = connection;
    if (c == null) {
      throw new IOException("no S6a connection to HSS " + Args.format(hss));
    }
    int id = hopByHop.getAndIncrement();
    List<Avp> avps = new ArrayList<>();
    avps.add(Avp.utf8(S6a.SESSION_ID, originHost + ";" + sessions.incrementAndGet() + ";" + imsi));
    avps.add(Avp.u32(S6a.AUTH_SESSION_STATE, 1));
    avps.add(Avp.utf8(S6a.ORIGIN_HOST, originHost));
    avps.add(Avp.utf8(S6a.ORIGIN_REALM, originRealm));
    avps.add(Avp.utf8(S6a.DESTINATION_REALM, originRealm));
    avps.add(Avp.utf8(S6a.USER_NAME, imsi));
    avps.addAll(body);
    CompletableFuture<DiameterMessage> f = new CompletableFuture<>();
    pending.put(id, f);
    try {
      c.send(new DiameterMessage(DiameterMessage.FLAG_R | DiameterMessage.FLAG_P, command,
          S6a.APPLICATION_ID, id, id, avps));
      return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      throw new IOException("HSS " + Args.format(hss) + " did not answer command " + command
          + " for " + imsi + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    } finally {
      pending.remove(id);
    }
  }

  /** Authentication-Information: one E-UTRAN vector. @throws IOException if no answer */
  public DiameterMessage authenticationInformation(String imsi, byte[] visitedPlmn)
      throws IOException {
    return request(S6a.CMD_AUTHENTICATION_INFORMATION, imsi, List.of(
        Avp.vendor(S6a.VISITED_PLMN_ID, visitedPlmn),
        Avp.grouped(S6a.REQUESTED_EUTRAN_AUTHENTICATION_INFO, true,
            List.of(Avp.vendorU32(S6a.NUMBER_OF_REQUESTED_VECTORS, 1)))));
  }

  /** Update-Location: registers this MME, returns the subscription. @throws IOException if no answer */
  public DiameterMessage updateLocation(String imsi, byte[] visitedPlmn) throws IOException {
    return request(S6a.CMD_UPDATE_LOCATION, imsi, List.of(
        Avp.u32(S6a.RAT_TYPE, S6a.RAT_EUTRAN), Avp.vendorU32(S6a.ULR_FLAGS, 0x22),
        Avp.vendor(S6a.VISITED_PLMN_ID, visitedPlmn)));
  }

  @Override
  public void close() {
    closed = true;
    closeQuietly(connection);
  }
}
