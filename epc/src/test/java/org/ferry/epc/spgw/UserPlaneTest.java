package org.ferry.epc.spgw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ferry.epc.gtp.GtpUCodec;
import org.ferry.epc.gtp.GtpUPacket;
import org.ferry.epc.probe.InternetHost;
import org.ferry.epc.wire.Ipv4Udp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The user plane alone, a test socket playing the gNB:
 *
 * <pre>
 *   gNB socket ──G-PDU(TEID 0x20000, 45.45.0.7:5000 → host)──> SPGW S1-U ──UDP──> Internet host
 *   gNB socket <──G-PDU(TEID 0x300, host → 45.45.0.7:5000)──── SPGW SGi socket <──echo──┘
 * </pre>
 */
@Timeout(30)
class UserPlaneTest {

  @Test
  void decapsulatesTranslatesAndEncapsulatesTheReplyThenForgetsTheIdleFlow() throws Exception {
    Properties p = new Properties();
    p.setProperty("nat-idle-s", "1");
    try (SpgwServer spgw = new SpgwServer(SpgwConfig.from(p), List.of());
        InternetHost host = new InternetHost(new InetSocketAddress("127.0.0.1", 0));
        DatagramSocket gnb = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Inet4Address ue = spgw.config().uePool().host(7);
      spgw.restore(Map.of("tunnels", List.of(new Tunnel("001010000000007", 5, ue, 0x20000, 0x300,
          (InetSocketAddress) gnb.getLocalSocketAddress(), 0x20001, 9).toJson())));
      byte[] inner = new Ipv4Udp(ue, 5000, (Inet4Address) host.address().getAddress(),
          host.address().getPort(), "ping".getBytes()).encode();
      byte[] gpdu = GtpUCodec.encode(GtpUPacket.gpdu(0x20000, inner));
      gnb.send(new DatagramPacket(gpdu, gpdu.length, spgw.config().s1u()));

      gnb.setSoTimeout(3000);
      DatagramPacket reply = new DatagramPacket(new byte[2000], 2000);
      gnb.receive(reply);
      GtpUPacket down = GtpUCodec.decode(reply.getData(), reply.getLength());
      Ipv4Udp back = Ipv4Udp.decode(down.payload());

      assertThat(down.type()).isEqualTo(GtpUPacket.G_PDU);
      assertThat(down.teid()).isEqualTo(0x300);
      assertThat(back.destination()).isEqualTo(ue);
      assertThat(back.destinationPort()).isEqualTo(5000);
      assertThat(back.source()).isEqualTo(host.address().getAddress());
      assertThat(back.payload()).isEqualTo("ping".getBytes());
      assertThat(spgw.status()).containsEntry("natBindings", 1);

      long deadline = System.nanoTime() + 5_000_000_000L;
      while ((Integer) spgw.status().get("natBindings") > 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(spgw.status()).containsEntry("natBindings", 0);
      assertThat(spgw.counters().get("nat.expired")).isEqualTo(1);
    }
  }

  @Test
  void dropsASpoofedSourceAndAnOversizedPacket() throws Exception {
    Properties p = new Properties();
    p.setProperty("mtu", "100");
    try (SpgwServer spgw = new SpgwServer(SpgwConfig.from(p), List.of());
        DatagramSocket gnb = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
      Inet4Address ue = spgw.config().uePool().host(7);
      spgw.restore(Map.of("tunnels", List.of(new Tunnel("001010000000007", 5, ue, 0x20000, 0x300,
          (InetSocketAddress) gnb.getLocalSocketAddress(), 0x20001, 9).toJson())));
      Inet4Address other = (Inet4Address) InetAddress.getByName("45.45.0.99");
      Inet4Address dst = (Inet4Address) InetAddress.getByName("127.0.0.1");
      send(gnb, spgw, new Ipv4Udp(other, 5000, dst, 9, new byte[4]).encode());
      send(gnb, spgw, new Ipv4Udp(ue, 5000, dst, 9, new byte[200]).encode());

      long deadline = System.nanoTime() + 5_000_000_000L;
      while ((spgw.counters().get("uplink.spoofed-source") < 1
          || spgw.counters().get("uplink.mtu-exceeded") < 1) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(spgw.counters().get("uplink.spoofed-source")).isEqualTo(1);
      assertThat(spgw.counters().get("uplink.mtu-exceeded")).isEqualTo(1);
      assertThat(spgw.status()).containsEntry("natBindings", 0).containsEntry("tunnels", 1);
    }
  }

  private static void send(DatagramSocket gnb, SpgwServer spgw, byte[] inner) throws Exception {
    byte[] g = GtpUCodec.encode(GtpUPacket.gpdu(0x20000, inner));
    gnb.send(new DatagramPacket(g, g.length, spgw.config().s1u()));
  }
}
