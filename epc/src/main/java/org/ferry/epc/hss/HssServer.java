package org.ferry.epc.hss;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.epc.diameter.Avp;
import org.ferry.epc.diameter.DiameterCodec;
import org.ferry.epc.diameter.DiameterConnection;
import org.ferry.epc.diameter.DiameterMessage;
import org.ferry.epc.diameter.S6a;
import org.ferry.epc.nas.Aka;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HSS's S6a server: accepts Diameter peers over TCP, answers Capabilities-Exchange,
 * Device-Watchdog, Authentication-Information (318) and Update-Location (316). A message that does
 * not decode is counted ({@code malformed.diameter}), logged and dropped; a broken header closes
 * that one connection, since a TCP stream cannot be resynchronised.
 */
public final class HssServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(HssServer.class);
  private static final long COMMAND_UNSUPPORTED = 3001;

  private final SubscriberStore store;
  private final String originHost;
  private final String originRealm;
  private final ServerSocket server;
  private final Counters counters = new Counters();
  private final List<Peer> peers = new CopyOnWriteArrayList<>();
  private final SecureRandom random = new SecureRandom();

  private static final class Peer {
    final DiameterConnection connection;
    volatile String originHost = "";

    Peer(DiameterConnection connection) {
      this.connection = connection;
    }
  }

  /**
   * Binds and starts serving.
   *
   * @param bind the S6a address (port 0: any free port; 3868 in a real network)
   * @param store the subscribers
   * @param originHost this HSS's Diameter identity
   * @param originRealm its realm
   * @throws IOException if the address cannot be bound
   */
  public HssServer(InetSocketAddress bind, SubscriberStore store, String originHost,
      String originRealm) throws IOException {
    this.store = store;
    this.originHost = originHost;
    this.originRealm = originRealm;
    this.server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(bind);
    Threads.start("hss-s6a-accept", this::acceptLoop);
    LOG.info("HSS {} serving S6a on {} with {} subscribers from {}", originHost,
        server.getLocalSocketAddress(), store.size(), store.file());
  }

  /** @return the bound S6a address */
  public InetSocketAddress address() {
    return (InetSocketAddress) server.getLocalSocketAddress();
  }

  /** @return the counters */
  public Counters counters() {
    return counters;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        Peer peer = new Peer(new DiameterConnection(s));
        peers.add(peer);
        LOG.info("S6a peer connected from {}", s.getRemoteSocketAddress());
        Threads.start("hss-s6a-" + s.getPort(), () -> serve(peer));
      } catch (IOException e) {
        if (!server.isClosed()) {
          LOG.warn("S6a accept failed: {}", e.toString());
        }
      }
    }
  }

  private void serve(Peer peer) {
    DiameterConnection c = peer.connection;
    try (c) {
      while (true) {
        byte[] frame;
        try {
          frame = c.receiveFrame();
        } catch (MalformedMessageException e) {
          counters.increment("malformed.diameter");
          LOG.warn("S6a peer {}: dropped malformed input and the connection: {}", c.peer(),
              e.getMessage());
          return;
        }
        DiameterMessage request;
        try {
          request = DiameterCodec.decode(frame);
        } catch (MalformedMessageException e) {
          counters.increment("malformed.diameter");
          LOG.warn("S6a peer {}: dropped malformed message: {}", c.peer(), e.getMessage());
          continue;
        }
        handle(peer, request);
      }
    } catch (EOFException e) {
      LOG.info("S6a peer {} closed the connection", c.peer());
    } catch (IOException e) {
      LOG.info("S6a peer {} lost: {}", c.peer(), e.toString());
    } finally {
      peers.remove(peer);
    }
  }

  private void handle(Peer peer, DiameterMessage m) throws IOException {
    if (!m.isRequest()) {
      counters.increment("diameter.unexpected-answer");
      return;
    }
    DiameterMessage answer;
    try {
      switch (m.commandCode()) {
        case S6a.CMD_CAPABILITIES_EXCHANGE:
          peer.originHost = m.require(S6a.ORIGIN_HOST).utf8();
          answer = m.answer(List.of(Avp.u32(S6a.RESULT_CODE, S6a.RESULT_SUCCESS),
              Avp.utf8(S6a.ORIGIN_HOST, originHost), Avp.utf8(S6a.ORIGIN_REALM, originRealm),
              new Avp(S6a.HOST_IP_ADDRESS, Avp.FLAG_M, 0, hostIp()),
              Avp.u32(S6a.VENDOR_ID, S6a.VENDOR_3GPP), Avp.utf8(S6a.PRODUCT_NAME, "ferry-hss"),
              Avp.u32(S6a.AUTH_APPLICATION_ID, S6a.APPLICATION_ID)));
          counters.increment("cer");
          break;
        case S6a.CMD_DEVICE_WATCHDOG:
          answer = m.answer(List.of(Avp.u32(S6a.RESULT_CODE, S6a.RESULT_SUCCESS),
              Avp.utf8(S6a.ORIGIN_HOST, originHost), Avp.utf8(S6a.ORIGIN_REALM, originRealm)));
          counters.increment("dwr");
          break;
        case S6a.CMD_AUTHENTICATION_INFORMATION:
          answer = authenticationInformation(m);
          counters.increment("air");
          break;
        case S6a.CMD_UPDATE_LOCATION:
          answer = updateLocation(m);
          counters.increment("ulr");
          break;
        default:
          counters.increment("diameter.unsupported-command");
          answer = new DiameterMessage(DiameterMessage.FLAG_E, m.commandCode(), m.applicationId(),
              m.hopByHop(), m.endToEnd(), List.of(Avp.u32(S6a.RESULT_CODE, COMMAND_UNSUPPORTED),
                  Avp.utf8(S6a.ORIGIN_HOST, originHost), Avp.utf8(S6a.ORIGIN_REALM, originRealm)));
      }
    } catch (MalformedMessageException e) {
      counters.increment("malformed.diameter");
      LOG.warn("S6a peer {}: dropped command {}: {}", peer.connection.peer(), m.commandCode(),
          e.getMessage());
      return;
    }
    peer.connection.send(answer);
  }

  private byte[] hostIp() {
    byte[] a = address().getAddress().getAddress();
    return ByteBuffer.allocate(2 + a.length).putShort((short) (a.length == 4 ? 1 : 2)).put(a)
        .array();
  }

  private List<Avp> answerHead(DiameterMessage m) throws MalformedMessageException {
    List<Avp> avps = new ArrayList<>();
    avps.add(m.require(S6a.SESSION_ID));
    avps.add(Avp.u32(S6a.AUTH_SESSION_STATE, 1));
    avps.add(Avp.utf8(S6a.ORIGIN_HOST, originHost));
    avps.add(Avp.utf8(S6a.ORIGIN_REALM, originRealm));
    return avps;
  }

  private DiameterMessage userUnknown(DiameterMessage m, List<Avp> avps, String imsi) {
    LOG.info("S6a command {} for unknown IMSI {}", m.commandCode(), imsi);
    avps.add(Avp.grouped(S6a.EXPERIMENTAL_RESULT, false, List.of(
        Avp.u32(S6a.VENDOR_ID, S6a.VENDOR_3GPP),
        Avp.u32(S6a.EXPERIMENTAL_RESULT_CODE, S6a.EXPERIMENTAL_USER_UNKNOWN))));
    return m.answer(avps);
  }

  private DiameterMessage authenticationInformation(DiameterMessage m)
      throws MalformedMessageException, IOException {
    String imsi = m.require(S6a.USER_NAME).utf8();
    List<Avp> avps = answerHead(m);
    Optional<Subscriber> s = store.nextSqn(imsi);
    if (s.isEmpty()) {
      return userUnknown(m, avps, imsi);
    }
    byte[] rand = new byte[16];
    random.nextBytes(rand);
    Aka.Vector v = Aka.vector(s.get().key(), s.get().sqn(), rand);
    avps.add(Avp.u32(S6a.RESULT_CODE, S6a.RESULT_SUCCESS));
    avps.add(Avp.grouped(S6a.AUTHENTICATION_INFO, true, List.of(
        Avp.grouped(S6a.E_UTRAN_VECTOR, true, List.of(
            Avp.vendor(S6a.RAND, v.rand()), Avp.vendor(S6a.XRES, v.xres()),
            Avp.vendor(S6a.AUTN, v.autn()), Avp.vendor(S6a.KASME, v.kasme()))))));
    return m.answer(avps);
  }

  private DiameterMessage updateLocation(DiameterMessage m)
      throws MalformedMessageException, IOException {
    String imsi = m.require(S6a.USER_NAME).utf8();
    String mme = m.require(S6a.ORIGIN_HOST).utf8();
    List<Avp> avps = answerHead(m);
    Optional<Subscriber> found = store.updateLocation(imsi, mme);
    if (found.isEmpty()) {
      return userUnknown(m, avps, imsi);
    }
    Subscriber s = found.get();
    avps.add(Avp.u32(S6a.RESULT_CODE, S6a.RESULT_SUCCESS));
    avps.add(Avp.vendorU32(S6a.ULA_FLAGS, 1));
    avps.add(Avp.grouped(S6a.SUBSCRIPTION_DATA, true, List.of(
        Avp.vendorUtf8(S6a.MSISDN, s.msisdn()),
        Avp.grouped(S6a.AMBR, true, List.of(
            Avp.vendorU32(S6a.MAX_REQUESTED_BANDWIDTH_UL, s.ambrUplinkBps()),
            Avp.vendorU32(S6a.MAX_REQUESTED_BANDWIDTH_DL, s.ambrDownlinkBps()))),
        Avp.grouped(S6a.APN_CONFIGURATION_PROFILE, true, List.of(
            Avp.utf8(S6a.SERVICE_SELECTION, s.apn()))))));
    return m.answer(avps);
  }

  /** @return the state a move must keep: subscribers, connected peers, counters */
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("function", "hss");
    m.put("s6a", org.ferry.epc.wire.Args.format(address()));
    m.put("subscribers", store.size());
    m.put("store", store.file().toString());
    List<Object> list = new ArrayList<>();
    for (Peer p : peers) {
      Map<String, Object> pm = new LinkedHashMap<>();
      pm.put("peer", String.valueOf(p.connection.peer()));
      pm.put("originHost", p.originHost);
      list.add(pm);
    }
    m.put("connections", list);
    m.put("counters", counters.snapshot());
    return m;
  }

  /** @return the subscriber's stored state, for the control socket */
  public Object subscriber(String imsi) {
    return store.find(imsi).map(s -> {
      Map<String, Object> j = s.toJson();
      j.remove("k");
      return (Object) j;
    }).orElseThrow(() -> new IllegalArgumentException("no subscriber " + imsi));
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Peer p : peers) {
      p.connection.close();
    }
  }
}
