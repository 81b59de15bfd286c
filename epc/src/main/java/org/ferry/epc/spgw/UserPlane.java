package org.ferry.epc.spgw;

import java.io.Closeable;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ferry.epc.gtp.GtpUCodec;
import org.ferry.epc.gtp.GtpUPacket;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.Datagrams;
import org.ferry.epc.wire.Ipv4Udp;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user plane, in Java because this kernel has no {@code gtp} module: GTPv1-U on S1-U, and
 * the SGi side as a user-space masquerade. Uplink: a G-PDU on a known TEID is decapsulated, its
 * IPv4/UDP packet checked (checksums, the UE's own source address, a configured route, the MTU)
 * and its payload sent from the UE flow's SGi socket to the packet's destination. Downlink: a
 * datagram arriving on that SGi socket from the flow's peer is rebuilt as an IPv4/UDP packet to
 * the UE and encapsulated with the gNB's TEID toward the gNB. A G-PDU on an unknown TEID is
 * counted, logged and answered with an Error Indication (TS 29.281 §7.3.1), as a gateway does,
 * which tells the gNB to release the bearer. Echo Requests get an Echo Response.
 */
final class UserPlane implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(UserPlane.class);

  private final DatagramSocket s1u;
  private final TunnelTable tunnels;
  private final SpgwConfig config;
  private final Counters counters;
  private final Map<Flow, NatBinding> nat = new ConcurrentHashMap<>();
  private volatile boolean closed;

  /** A UE flow: the translation rule's conntrack key. */
  private record Flow(Inet4Address ue, int uePort, Inet4Address peer, int peerPort) {}

  /** One flow's SGi socket: its local port is the translated source port. */
  private final class NatBinding {
    final Flow flow;
    final DatagramSocket socket;
    volatile long lastUsedNanos = System.nanoTime();

    NatBinding(Flow flow) throws IOException {
      this.flow = flow;
      this.socket = new DatagramSocket(new InetSocketAddress(config.sgi(), 0));
      Threads.start("spgw-sgi-" + socket.getLocalPort(), this::downlinkLoop);
    }

    private void downlinkLoop() {
      Datagrams.receiveUntilClosed(socket, "SGi", null, (buf, length, from) -> {
        if (!from.getAddress().equals(flow.peer) || from.getPort() != flow.peerPort) {
          counters.increment("sgi.unsolicited");
          return;
        }
        lastUsedNanos = System.nanoTime();
        downlink(flow, Datagrams.copy(buf, length));
      });
    }
  }

  UserPlane(SpgwConfig config, TunnelTable tunnels, Counters counters) throws IOException {
    this.config = config;
    this.tunnels = tunnels;
    this.counters = counters;
    this.s1u = new DatagramSocket(config.s1u());
    Threads.start("spgw-s1u", this::uplinkLoop);
    Threads.start("spgw-nat-expiry", this::expiryLoop);
  }

  /** Forgets translated flows idle longer than the configured time, as UDP conntrack does. */
  private void expiryLoop() {
    long idle = config.natIdle().toNanos();
    long period = Math.max(100, Math.min(5_000, config.natIdle().toMillis() / 2));
    while (!closed) {
      try {
        Thread.sleep(period);
      } catch (InterruptedException e) {
        return;
      }
      long now = System.nanoTime();
      nat.values().removeIf(b -> {
        if (now - b.lastUsedNanos > idle) {
          b.socket.close();
          counters.increment("nat.expired");
          return true;
        }
        return false;
      });
    }
  }

  InetSocketAddress address() {
    return (InetSocketAddress) s1u.getLocalSocketAddress();
  }

  int natBindings() {
    return nat.size();
  }

  private void uplinkLoop() {
    Datagrams.receiveUntilClosed(s1u, "S1-U", LOG, (buf, length, from) -> {
      try {
        handle(GtpUCodec.decode(buf, length), from);
      } catch (MalformedMessageException e) {
        counters.increment("malformed." + e.protocol().toLowerCase());
        logRare("malformed." + e.protocol().toLowerCase(),
            "S1-U from " + from + ": dropped malformed packet: " + e.getMessage());
      } catch (IOException | RuntimeException e) {
        counters.increment("gtpu.errors");
        LOG.warn("S1-U from {}: could not handle packet: {}", from, e.toString());
      }
    });
  }

  /** Logs the first and then every 100th of a repeated event, so a flood cannot fill the disk. */
  private void logRare(String counter, String message) {
    long n = counters.get(counter);
    if (n == 1 || n % 100 == 0) {
      LOG.warn("{} (occurrence {})", message, n);
    }
  }

  private void handle(GtpUPacket g, InetSocketAddress from)
      throws MalformedMessageException, IOException {
    switch (g.type()) {
      case GtpUPacket.ECHO_REQUEST:
        counters.increment("gtpu.echo");
        send(new GtpUPacket(GtpUPacket.ECHO_RESPONSE, 0, Math.max(g.sequence(), 0),
            new byte[] {GtpUPacket.IE_RECOVERY, 0}), from);
        return;
      case GtpUPacket.G_PDU:
        break;
      default:
        counters.increment("gtpu.unsupported");
        return;
    }
    Optional<Tunnel> found = tunnels.byUplinkTeid(g.teid());
    if (found.isEmpty()) {
      counters.increment("gtpu.unknown-teid");
      logRare("gtpu.unknown-teid", "S1-U from " + from + ": G-PDU on unknown TEID " + g.teid()
          + "; Error Indication sent");
      byte[] self = address().getAddress().getAddress();
      ByteBuffer ies = ByteBuffer.allocate(5 + 3 + self.length);
      ies.put((byte) GtpUPacket.IE_TEID_DATA_I).putInt((int) g.teid());
      ies.put((byte) GtpUPacket.IE_PEER_ADDRESS).putShort((short) self.length).put(self);
      send(new GtpUPacket(GtpUPacket.ERROR_INDICATION, 0, 0, ies.array()), from);
      return;
    }
    Tunnel t = found.get();
    byte[] inner = g.payload();
    if (inner.length > config.mtu()) {
      counters.increment("uplink.mtu-exceeded");
      return;
    }
    Ipv4Udp packet = Ipv4Udp.decode(inner);
    if (!packet.source().equals(t.ueAddress())) {
      counters.increment("uplink.spoofed-source");
      logRare("uplink.spoofed-source", "TEID " + t.uplinkTeid() + " carries source "
          + packet.source().getHostAddress() + ", not its UE's " + t.ueAddress().getHostAddress());
      return;
    }
    if (config.routes().stream().noneMatch(r -> r.contains(packet.source()))) {
      counters.increment("uplink.no-route");
      return;
    }
    Flow flow = new Flow(packet.source(), packet.sourcePort(), packet.destination(),
        packet.destinationPort());
    NatBinding b = nat.get(flow);
    if (b == null) {
      b = nat.computeIfAbsent(flow, f -> {
        try {
          return new NatBinding(f);
        } catch (IOException e) {
          throw new IllegalStateException("no SGi socket: " + e, e);
        }
      });
      LOG.info("translation: {}:{} -> {}:{} leaves as {}:{}", flow.ue.getHostAddress(),
          flow.uePort, flow.peer.getHostAddress(), flow.peerPort,
          config.sgi().getHostAddress(), b.socket.getLocalPort());
    }
    b.lastUsedNanos = System.nanoTime();
    byte[] payload = packet.payload();
    b.socket.send(new DatagramPacket(payload, payload.length,
        new InetSocketAddress(packet.destination(), packet.destinationPort())));
    counters.increment("uplink.packets");
  }

  private void downlink(Flow flow, byte[] payload) {
    Optional<Tunnel> t = tunnels.byUe(flow.ue);
    if (t.isEmpty() || !t.get().complete()) {
      counters.increment("downlink.no-tunnel");
      return;
    }
    if (payload.length + Ipv4Udp.HEADERS > config.mtu()) {
      counters.increment("downlink.mtu-exceeded");
      return;
    }
    byte[] inner = new Ipv4Udp(flow.peer, flow.peerPort, flow.ue, flow.uePort, payload).encode();
    try {
      send(GtpUPacket.gpdu(t.get().enbTeid(), inner), t.get().enb());
      counters.increment("downlink.packets");
    } catch (IOException e) {
      counters.increment("downlink.errors");
    }
  }

  private void send(GtpUPacket g, InetSocketAddress to) throws IOException {
    byte[] bytes = GtpUCodec.encode(g);
    s1u.send(new DatagramPacket(bytes, bytes.length, to));
  }

  @Override
  public void close() {
    closed = true;
    s1u.close();
    nat.values().forEach(b -> b.socket.close());
  }
}
