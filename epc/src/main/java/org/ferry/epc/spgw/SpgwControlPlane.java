package org.ferry.epc.spgw;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.epc.gtp.FTeid;
import org.ferry.epc.gtp.GtpV2Codec;
import org.ferry.epc.gtp.GtpV2Ie;
import org.ferry.epc.gtp.GtpV2Message;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.Datagrams;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPGW's S11 side (TS 29.274 §7.2): Create Session (allocates the session, the uplink TEID and
 * the UE address), Modify Bearer (learns the gNB's tunnel end), Delete Session, Echo. Malformed
 * messages are counted ({@code malformed.gtpc}), logged and dropped; a request naming an unknown
 * session is answered with cause Context Not Found.
 */
final class SpgwControlPlane implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SpgwControlPlane.class);
  /** The Recovery counter (restart counter) this SPGW reports in Echo. */
  private static final int RECOVERY = 1;

  private final DatagramSocket socket;
  private final TunnelTable tunnels;
  private final InetSocketAddress s1u;
  private final Counters counters;

  SpgwControlPlane(InetSocketAddress bind, TunnelTable tunnels, InetSocketAddress s1u,
      Counters counters) throws IOException {
    this.socket = new DatagramSocket(bind);
    this.tunnels = tunnels;
    this.s1u = s1u;
    this.counters = counters;
    Threads.start("spgw-s11", this::loop);
  }

  InetSocketAddress address() {
    return (InetSocketAddress) socket.getLocalSocketAddress();
  }

  private void loop() {
    Datagrams.receiveUntilClosed(socket, "S11", LOG, (buf, length, from) -> {
      try {
        GtpV2Message reply = handle(GtpV2Codec.decode(Datagrams.copy(buf, length)));
        if (reply != null) {
          byte[] out = GtpV2Codec.encode(reply);
          socket.send(new DatagramPacket(out, out.length, from));
        }
      } catch (MalformedMessageException e) {
        counters.increment("malformed.gtpc");
        LOG.warn("S11 from {}: dropped malformed message: {}", from, e.getMessage());
      } catch (IOException | RuntimeException e) {
        counters.increment("gtpc.errors");
        LOG.warn("S11 from {}: could not handle message: {}", from, e.toString());
      }
    });
  }

  private GtpV2Message handle(GtpV2Message m) throws MalformedMessageException {
    switch (m.type()) {
      case GtpV2Message.ECHO_REQUEST:
        counters.increment("gtpc.echo");
        return new GtpV2Message(GtpV2Message.ECHO_RESPONSE, -1, m.sequence(),
            List.of(GtpV2Ie.u8(GtpV2Ie.RECOVERY, RECOVERY)));
      case GtpV2Message.CREATE_SESSION_REQUEST:
        return createSession(m);
      case GtpV2Message.MODIFY_BEARER_REQUEST:
        return modifyBearer(m);
      case GtpV2Message.DELETE_SESSION_REQUEST:
        return deleteSession(m);
      default:
        counters.increment("gtpc.unsupported");
        LOG.warn("S11: unsupported message type {}, dropped", m.type());
        return null;
    }
  }

  private GtpV2Message createSession(GtpV2Message m) throws MalformedMessageException {
    String imsi = GtpV2Codec.digits(m.require(GtpV2Ie.IMSI, 0).value());
    FTeid mme = FTeid.of(m.require(GtpV2Ie.F_TEID, 0));
    List<GtpV2Ie> bearer = m.require(GtpV2Ie.BEARER_CONTEXT, 0).members();
    int ebi = GtpV2Message.require(bearer, GtpV2Ie.EBI, 0, "bearer context").u8() & 0x0f;
    for (Tunnel old : tunnels.all()) {
      if (old.imsi().equals(imsi) && old.ebi() == ebi) {
        LOG.info("Create Session for {} replaces its session {}", imsi, old.sgwS11Teid());
        tunnels.remove(old);
      }
    }
    Tunnel t;
    try {
      t = tunnels.create(imsi, ebi, mme.teid());
    } catch (IllegalStateException e) {
      counters.increment("gtpc.no-resources");
      return new GtpV2Message(GtpV2Message.CREATE_SESSION_RESPONSE, mme.teid(), m.sequence(),
          List.of(GtpV2Ie.cause(GtpV2Message.CAUSE_NO_RESOURCES)));
    }
    counters.increment("gtpc.create-session");
    LOG.info("session for {}: UE {} uplink TEID {} S11 TEID {}", imsi,
        t.ueAddress().getHostAddress(), t.uplinkTeid(), t.sgwS11Teid());
    Inet4Address self = (Inet4Address) address().getAddress();
    byte[] paa = new byte[5];
    paa[0] = 1;
    System.arraycopy(t.ueAddress().getAddress(), 0, paa, 1, 4);
    return new GtpV2Message(GtpV2Message.CREATE_SESSION_RESPONSE, mme.teid(), m.sequence(), List.of(
        GtpV2Ie.cause(GtpV2Message.CAUSE_ACCEPTED),
        new FTeid(FTeid.S11_SGW, t.sgwS11Teid(), self).toIe(0),
        new GtpV2Ie(GtpV2Ie.PAA, 0, paa),
        GtpV2Ie.grouped(GtpV2Ie.BEARER_CONTEXT, List.of(
            GtpV2Ie.u8(GtpV2Ie.EBI, ebi),
            GtpV2Ie.cause(GtpV2Message.CAUSE_ACCEPTED),
            new FTeid(FTeid.S1U_SGW, t.uplinkTeid(), (Inet4Address) s1u.getAddress()).toIe(0),
            GtpV2Ie.port(0, s1u.getPort())))));
  }

  private GtpV2Message modifyBearer(GtpV2Message m) throws MalformedMessageException {
    Optional<Tunnel> found = tunnels.byS11Teid(m.teid());
    if (found.isEmpty()) {
      counters.increment("gtpc.context-not-found");
      return new GtpV2Message(GtpV2Message.MODIFY_BEARER_RESPONSE, 0, m.sequence(),
          List.of(GtpV2Ie.cause(GtpV2Message.CAUSE_CONTEXT_NOT_FOUND)));
    }
    List<GtpV2Ie> bearer = m.require(GtpV2Ie.BEARER_CONTEXT, 0).members();
    FTeid enb = FTeid.of(GtpV2Message.require(bearer, GtpV2Ie.F_TEID, 0, "bearer context"));
    Optional<GtpV2Ie> port = GtpV2Message.find(bearer, GtpV2Ie.PRIVATE_EXTENSION, 0);
    int enbPort = port.isPresent() ? port.get().portValue() : 2152;
    Tunnel t = found.get().withEnb(enb.teid(), new InetSocketAddress(enb.address(), enbPort));
    tunnels.put(t);
    counters.increment("gtpc.modify-bearer");
    return new GtpV2Message(GtpV2Message.MODIFY_BEARER_RESPONSE, t.mmeS11Teid(), m.sequence(),
        List.of(GtpV2Ie.cause(GtpV2Message.CAUSE_ACCEPTED),
            GtpV2Ie.grouped(GtpV2Ie.BEARER_CONTEXT, List.of(GtpV2Ie.u8(GtpV2Ie.EBI, t.ebi()),
                GtpV2Ie.cause(GtpV2Message.CAUSE_ACCEPTED)))));
  }

  private GtpV2Message deleteSession(GtpV2Message m) {
    Optional<Tunnel> found = tunnels.byS11Teid(m.teid());
    if (found.isEmpty()) {
      counters.increment("gtpc.context-not-found");
      return new GtpV2Message(GtpV2Message.DELETE_SESSION_RESPONSE, 0, m.sequence(),
          List.of(GtpV2Ie.cause(GtpV2Message.CAUSE_CONTEXT_NOT_FOUND)));
    }
    tunnels.remove(found.get());
    counters.increment("gtpc.delete-session");
    return new GtpV2Message(GtpV2Message.DELETE_SESSION_RESPONSE, found.get().mmeS11Teid(),
        m.sequence(), new ArrayList<>(List.of(GtpV2Ie.cause(GtpV2Message.CAUSE_ACCEPTED))));
  }

  SocketAddress localAddress() {
    return socket.getLocalSocketAddress();
  }

  @Override
  public void close() {
    socket.close();
  }
}
