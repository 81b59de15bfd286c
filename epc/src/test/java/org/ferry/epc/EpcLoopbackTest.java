package org.ferry.epc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ferry.epc.diameter.Avp;
import org.ferry.epc.diameter.DiameterCodec;
import org.ferry.epc.diameter.DiameterMessage;
import org.ferry.epc.diameter.S6a;
import org.ferry.epc.gtp.GtpUCodec;
import org.ferry.epc.gtp.GtpUPacket;
import org.ferry.epc.probe.Probe;
import org.ferry.epc.wire.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Attach and data through every stand-in, and malformed input to each, on loopback. */
@Timeout(60)
class EpcLoopbackTest {

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void tenUesAttachAndEchoThroughTheSpgwWithoutReattaching() throws Exception {
    try (LoopbackEpc epc = new LoopbackEpc(dir);
        Probe probe = epc.probe(LoopbackEpc.UES, Duration.ofSeconds(5))) {
      assertThat(probe.attachAll(Duration.ofSeconds(20))).isEqualTo(LoopbackEpc.UES);
      probe.startTraffic();
      waitFor(() -> epc.internet.echoed() > 100);
      Thread.sleep(300);
      Map<String, Object> report = probe.stopAndReport();

      Map<String, Object> summary = (Map<String, Object>) report.get("summary");
      assertThat(summary.get("reattaches")).isEqualTo(0L);
      for (Object o : (List<Object>) report.get("ues")) {
        Map<String, Object> ue = (Map<String, Object>) o;
        assertThat((Long) ue.get("received")).as("echoes of %s", ue.get("imsi")).isGreaterThan(5);
        assertThat(ue.get("reattached")).isEqualTo(false);
      }
      Map<String, Object> mme = epc.mme.status();
      assertThat(mme.get("ueContexts")).isEqualTo(LoopbackEpc.UES);
      assertThat(mme.get("registered")).isEqualTo((long) LoopbackEpc.UES);
      assertThat(epc.hssConnected()).isTrue();
      assertThat((List<Object>) mme.get("associations")).hasSize(1);
      Map<String, Object> spgw = epc.spgw.status();
      assertThat(spgw.get("tunnels")).isEqualTo(LoopbackEpc.UES);
      assertThat(spgw.get("complete")).isEqualTo((long) LoopbackEpc.UES);
      assertThat(epc.internet.echoed()).isGreaterThan(50);
      Map<String, Object> hss = epc.hss.status();
      assertThat((List<Object>) hss.get("connections")).hasSize(1);
      assertThat((Map<String, Object>) hss.get("counters")).containsEntry("air", 10L)
          .containsEntry("ulr", 10L);
      assertThat(Json.parse(Json.write(report))).isEqualTo(report);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void malformedInputIsCountedAndDroppedWhileServiceGoesOn() throws Exception {
    try (LoopbackEpc epc = new LoopbackEpc(dir);
        Probe probe = epc.probe(3, Duration.ofSeconds(5))) {
      assertThat(probe.attachAll(Duration.ofSeconds(20))).isEqualTo(3);

      // Diameter to the HSS: a message with an AVP overrunning it, then a broken header
      try (Socket s = new Socket(epc.hss.address().getAddress(), epc.hss.address().getPort())) {
        OutputStream out = s.getOutputStream();
        byte[] good = DiameterCodec.encode(new DiameterMessage(DiameterMessage.FLAG_R,
            S6a.CMD_DEVICE_WATCHDOG, 0, 1, 1, List.of(Avp.utf8(S6a.ORIGIN_HOST, "x"))));
        good[20 + 7] = 100; // Origin-Host AVP length overruns the message
        out.write(good);
        out.write(new byte[] {1, 0, 0, 3, 0, 0, 0, 0}); // length 3 < 20
        out.flush();
        assertThat(s.getInputStream().read()).isEqualTo(-1); // the HSS closed this connection
      }
      // S1AP to the MME: a PDU whose IE overruns it, on its own association
      try (Socket s = new Socket(epc.mmeS1().getAddress(), epc.mmeS1().getPort())) {
        s.getOutputStream().write(ByteBuffer.allocate(4 + 10).putInt(10)
            .put(new byte[] {0, 17, 0, 0, 1, 0, 59, 0, 0, 50}).array());
        s.getOutputStream().flush();
        waitFor(() -> counter(epc.mme.status(), "malformed.s1ap") >= 1);
      }
      // GTPv2-C to the SPGW (truncated) and GTPv1-U (short, wrong length, unknown TEID)
      try (DatagramSocket udp = new DatagramSocket()) {
        byte[] gtpc = {0x48, 32, 0, 40, 0, 0, 0, 0, 0, 0, 1, 0};
        udp.send(new DatagramPacket(gtpc, gtpc.length, epc.spgw.config().s11()));
        byte[] s1u = epc.spgw.config().s1u().getAddress().getAddress();
        udp.send(new DatagramPacket(new byte[] {0x30, (byte) 0xff, 0}, 3, epc.spgw.config().s1u()));
        byte[] badLen = {0x30, (byte) 0xff, 0, 50, 0, 0, 0, 1, 1, 2};
        udp.send(new DatagramPacket(badLen, badLen.length, epc.spgw.config().s1u()));
        byte[] unknown = GtpUCodec.encode(GtpUPacket.gpdu(0x7777, new byte[28]));
        udp.send(new DatagramPacket(unknown, unknown.length, epc.spgw.config().s1u()));
        udp.setSoTimeout(2000);
        DatagramPacket reply = new DatagramPacket(new byte[100], 100);
        udp.receive(reply);
        GtpUPacket errorIndication = GtpUCodec.decode(reply.getData(), reply.getLength());
        assertThat(errorIndication.type()).isEqualTo(GtpUPacket.ERROR_INDICATION);
        assertThat(s1u).hasSize(4);
      }
      waitFor(() -> counter(epc.hss.status(), "malformed.diameter") >= 2
          && counter(epc.spgw.status(), "malformed.gtpc") >= 1
          && counter(epc.spgw.status(), "malformed.gtpv1-u") >= 2
          && counter(epc.spgw.status(), "gtpu.unknown-teid") >= 1);

      // state intact, service on
      assertThat(epc.mme.status().get("registered")).isEqualTo(3L);
      assertThat(epc.spgw.status().get("tunnels")).isEqualTo(3);
      assertThat(epc.hssConnected()).isTrue();
      probe.startTraffic();
      waitFor(() -> epc.internet.echoed() > 10);
      Map<String, Object> summary = (Map<String, Object>) probe.stopAndReport().get("summary");
      assertThat(summary.get("reattaches")).isEqualTo(0L);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void aLostS1AssociationIsSetUpAgainAndTheUeContextsStay() throws Exception {
    try (LoopbackEpc epc = new LoopbackEpc(dir);
        TcpRelay relay = new TcpRelay(epc.mmeS1());
        Probe probe = new Probe(new org.ferry.epc.probe.ProbeSettings(relay.address(),
            new java.net.InetSocketAddress("127.0.0.1", 0), epc.internet.address(), 4,
            org.ferry.epc.probe.ProbeSettings.FIRST_IMSI, Duration.ofMillis(10),
            Duration.ofSeconds(5), "enb-relay"), new org.ferry.epc.transport.TcpS1Transport())) {
      assertThat(probe.attachAll(Duration.ofSeconds(20))).isEqualTo(4);
      probe.startTraffic();

      relay.cut(); // what a move without TCP/SCTP repair does to S1
      waitFor(() -> ((List<Object>) epc.mme.status().get("associations")).size() == 1
          && counter(epc.mme.status(), "s1-setup") >= 2);
      long before = epc.internet.echoed();
      waitFor(() -> epc.internet.echoed() > before + 40);
      Map<String, Object> summary = (Map<String, Object>) probe.stopAndReport().get("summary");

      assertThat(summary.get("s1Setups")).isEqualTo(2L);
      assertThat(summary.get("reattaches")).isEqualTo(0L);
      assertThat(epc.mme.status().get("registered")).isEqualTo(4L);
      assertThat(counter(epc.mme.status(), "attach.reattach")).isZero();
    }
  }

  @Test
  void anUnknownSubscriberIsRejectedAndLeavesNoContext() throws Exception {
    try (LoopbackEpc epc = new LoopbackEpc(dir);
        Probe probe = new Probe(new org.ferry.epc.probe.ProbeSettings(epc.mmeS1(),
            new java.net.InetSocketAddress("127.0.0.1", 0), epc.internet.address(), 1,
            "001019999999990", Duration.ofMillis(10), Duration.ofSeconds(5), "enb-x"),
            new org.ferry.epc.transport.TcpS1Transport())) {
      assertThat(probe.attachAll(Duration.ofSeconds(2))).isZero();
      waitFor(() -> counter(epc.mme.status(), "attach.failed") >= 1);
      assertThat(epc.mme.status().get("ueContexts")).isEqualTo(0);
    }
  }

  @SuppressWarnings("unchecked")
  static long counter(Map<String, Object> status, String name) {
    Object v = ((Map<String, Object>) status.get("counters")).get(name);
    return v == null ? 0 : ((Number) v).longValue();
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  static void waitFor(Condition c) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!c.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(10);
    }
  }
}
