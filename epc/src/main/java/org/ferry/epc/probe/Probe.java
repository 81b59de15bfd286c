package org.ferry.epc.probe;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.epc.gtp.GtpUCodec;
import org.ferry.epc.gtp.GtpUPacket;
import org.ferry.epc.nas.Aka;
import org.ferry.epc.nas.NasMessage;
import org.ferry.epc.s1ap.ErabItem;
import org.ferry.epc.s1ap.S1apCodec;
import org.ferry.epc.s1ap.S1apPdu;
import org.ferry.epc.s1ap.S1apPdu.Ie;
import org.ferry.epc.transport.S1Association;
import org.ferry.epc.transport.S1Transport;
import org.ferry.epc.wire.Datagrams;
import org.ferry.epc.wire.Ipv4Udp;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gNB with N UEs. Attaches every UE through the MME (answering the authentication with the UE's
 * key, setting up the bearer's downlink end), then sends per UE one GTP-U-encapsulated UDP echo
 * to the Internet host every interval and times the answers. A lost S1 association is set up
 * again (S1 Setup) without touching the UEs; a UE attaches again only when the network tells it
 * its bearer is gone (an S1 Error Indication, a GTP-U Error Indication for its TEID) or when no
 * answer came for {@link ProbeSettings#reattachAfter()}.
 */
public final class Probe implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(Probe.class);
  private static final int UE_PORT = 5000;

  private final ProbeSettings settings;
  private final S1Transport transport;
  private final DatagramSocket gtpu;
  private final List<UeState> ues = new ArrayList<>();
  private final Map<Long, UeState> byEnbUeId = new ConcurrentHashMap<>();
  private final Map<Long, UeState> byDownlinkTeid = new ConcurrentHashMap<>();
  private final AtomicLong nextEnbUeId = new AtomicLong(1);
  private final AtomicLong nextTeid = new AtomicLong(0x100);
  private final AtomicLong s1Setups = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "probe-ticker");
    t.setDaemon(true);
    return t;
  });
  private volatile S1Association association;
  private volatile boolean closed;
  private volatile boolean trafficOn;

  /**
   * Binds the gNB's GTP-U socket and sets up the S1 association (retried in the background if
   * the MME is not there yet or the association is lost).
   *
   * @throws IOException if the GTP-U address cannot be bound
   */
  public Probe(ProbeSettings settings, S1Transport transport) throws IOException {
    this.settings = settings;
    this.transport = transport;
    this.gtpu = new DatagramSocket(settings.gtpu());
    long first = Long.parseLong(settings.firstImsi());
    for (int i = 0; i < settings.ues(); i++) {
      ues.add(new UeState(i, String.format("%015d", first + i)));
    }
    Threads.start("probe-gtpu", this::gtpuLoop);
    Threads.start("probe-s1", this::s1Loop);
  }

  private void s1Loop() {
    while (!closed) {
      try (S1Association a = transport.connect(settings.mme(), Duration.ofSeconds(2))) {
        a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.INITIATING, S1apPdu.S1_SETUP, List.of(
            new Ie(S1apPdu.IE_GLOBAL_ENB_ID, settings.enbId().getBytes(StandardCharsets.UTF_8)),
            new Ie(S1apPdu.IE_ENB_NAME, "ferry-probe".getBytes(StandardCharsets.UTF_8))))));
        while (true) {
          S1apPdu pdu;
          try {
            pdu = S1apCodec.decode(a.receive());
          } catch (MalformedMessageException e) {
            malformed.incrementAndGet();
            LOG.warn("S1 from MME: dropped malformed message: {}", e.getMessage());
            continue;
          }
          handle(a, pdu);
        }
      } catch (EOFException e) {
        LOG.warn("S1 association closed by the MME; setting it up again");
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("S1 association: {}; retrying", e.getMessage());
        }
      } finally {
        association = null;
      }
      sleep(200);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(S1Association a, S1apPdu pdu) throws IOException {
    try {
      if (pdu.procedureCode() == S1apPdu.S1_SETUP) {
        if (pdu.type() != S1apPdu.Type.SUCCESSFUL) {
          throw new IOException("S1 Setup failed");
        }
        s1Setups.incrementAndGet();
        List<UeState> cutShort = new ArrayList<>();
        synchronized (this) {
          for (UeState ue : ues) {
            if (ue.attaching) {
              cutShort.add(ue); // an attach cut short by a lost association starts over
            }
          }
          association = a;
        }
        LOG.info("S1 association with MME {} set up", settings.mme());
        cutShort.forEach(this::attach);
        return;
      }
      UeState ue = byEnbUeId.get(pdu.require(S1apPdu.IE_ENB_UE_S1AP_ID).u32());
      if (ue == null) {
        return;
      }
      if (pdu.procedureCode() == S1apPdu.ERROR_INDICATION) {
        LOG.warn("UE {}: MME sent an Error Indication; attaching again", ue.imsi);
        reattach(ue);
        return;
      }
      ue.mmeUeId = pdu.require(S1apPdu.IE_MME_UE_S1AP_ID).u32();
      if (pdu.procedureCode() == S1apPdu.DOWNLINK_NAS_TRANSPORT) {
        NasMessage nas = NasMessage.decode(pdu.require(S1apPdu.IE_NAS_PDU).value());
        if (nas.type() == NasMessage.AUTHENTICATION_REQUEST) {
          byte[] rand = nas.field(0);
          if (!Aka.networkAuthentic(Aka.testKey(ue.imsi), rand, nas.field(1))) {
            LOG.warn("UE {}: AUTN does not verify; ignoring the network", ue.imsi);
            return;
          }
          uplinkNas(a, ue, NasMessage.of(NasMessage.AUTHENTICATION_RESPONSE,
              Aka.response(Aka.testKey(ue.imsi), rand)));
        } else if (nas.type() == NasMessage.ATTACH_REJECT
            || nas.type() == NasMessage.AUTHENTICATION_REJECT) {
          LOG.warn("UE {}: attach rejected (NAS 0x{})", ue.imsi, Integer.toHexString(nas.type()));
          ue.attaching = false;
        }
      } else if (pdu.procedureCode() == S1apPdu.INITIAL_CONTEXT_SETUP) {
        contextSetup(a, ue, pdu);
      }
    } catch (MalformedMessageException e) {
      malformed.incrementAndGet();
      LOG.warn("S1 from MME: dropped malformed message: {}", e.getMessage());
    }
  }

  private void contextSetup(S1Association a, UeState ue, S1apPdu pdu)
      throws MalformedMessageException, IOException {
    ErabItem sgw = ErabItem.decode(pdu.require(S1apPdu.IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ).value());
    NasMessage accept = NasMessage.decode(pdu.require(S1apPdu.IE_NAS_PDU).value());
    if (accept.type() != NasMessage.ATTACH_ACCEPT) {
      throw new MalformedMessageException("NAS", MalformedMessageException.Reason.BAD_VALUE,
          "Initial Context Setup without Attach Accept");
    }
    long teid = nextTeid.getAndIncrement();
    if (ue.downlinkTeid != 0) {
      byDownlinkTeid.remove(ue.downlinkTeid);
    }
    ue.downlinkTeid = teid;
    byDownlinkTeid.put(teid, ue);
    ue.uplinkTeid = sgw.teid();
    ue.sgw = new InetSocketAddress(sgw.address(), sgw.port());
    ue.address = (Inet4Address) InetAddress.getByAddress(accept.field(0));
    Inet4Address self = (Inet4Address) gtpu.getLocalAddress();
    a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.SUCCESSFUL, S1apPdu.INITIAL_CONTEXT_SETUP,
        List.of(Ie.u32(S1apPdu.IE_MME_UE_S1AP_ID, ue.mmeUeId),
            Ie.u32(S1apPdu.IE_ENB_UE_S1AP_ID, ue.enbUeId),
            new Ie(S1apPdu.IE_E_RAB_SETUP_LIST_CTXT_SU_RES,
                new ErabItem(sgw.erabId(), self, teid, gtpu.getLocalPort()).encode())))));
    uplinkNas(a, ue, NasMessage.of(NasMessage.ATTACH_COMPLETE));
    ue.attached(System.nanoTime());
    LOG.info("UE {} attached: address {}, uplink TEID {}, downlink TEID {}", ue.imsi,
        ue.address.getHostAddress(), ue.uplinkTeid, teid);
  }

  private void uplinkNas(S1Association a, UeState ue, NasMessage nas) throws IOException {
    a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.INITIATING, S1apPdu.UPLINK_NAS_TRANSPORT,
        List.of(Ie.u32(S1apPdu.IE_MME_UE_S1AP_ID, ue.mmeUeId),
            Ie.u32(S1apPdu.IE_ENB_UE_S1AP_ID, ue.enbUeId),
            new Ie(S1apPdu.IE_NAS_PDU, nas.encode())))));
  }

  private void attach(UeState ue) {
    S1Association a;
    synchronized (this) {
      a = association;
      ue.attaching = true;
      ue.attachStartedNanos = System.nanoTime();
    }
    if (a == null) {
      return; // sent when the association is set up
    }
    byEnbUeId.remove(ue.enbUeId);
    ue.enbUeId = nextEnbUeId.getAndIncrement();
    byEnbUeId.put(ue.enbUeId, ue);
    try {
      a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.INITIATING, S1apPdu.INITIAL_UE_MESSAGE,
          List.of(Ie.u32(S1apPdu.IE_ENB_UE_S1AP_ID, ue.enbUeId),
              new Ie(S1apPdu.IE_NAS_PDU, NasMessage.of(NasMessage.ATTACH_REQUEST,
                  ue.imsi.getBytes(StandardCharsets.US_ASCII)).encode()),
              new Ie(S1apPdu.IE_TAI, new byte[] {0x00, (byte) 0xf1, 0x10, 0x00, 0x01}),
              new Ie(S1apPdu.IE_EUTRAN_CGI, new byte[] {0x00, (byte) 0xf1, 0x10, 0, 0, 0, 1})))));
    } catch (IOException e) {
      LOG.warn("UE {}: Initial UE Message not sent: {}", ue.imsi, e.getMessage());
    }
  }

  private synchronized void reattach(UeState ue) {
    if (ue.attaching) {
      return;
    }
    ue.reattaches++;
    ue.isAttached = false;
    attach(ue);
  }

  /**
   * Attaches every UE and waits until all are attached.
   *
   * @param timeout for all of them
   * @return how many attached
   */
  public int attachAll(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (association == null && System.nanoTime() < deadline) {
      sleep(10);
    }
    for (UeState ue : ues) {
      attach(ue);
    }
    while (System.nanoTime() < deadline && attachedCount() < ues.size()) {
      sleep(10);
    }
    return attachedCount();
  }

  /** @return how many UEs are attached now */
  public int attachedCount() {
    return (int) ues.stream().filter(u -> u.isAttached).count();
  }

  /** Starts sending one echo per attached UE every interval. */
  public void startTraffic() {
    trafficOn = true;
    long period = settings.interval().toNanos();
    ticker.scheduleAtFixedRate(this::tick, 0, period, TimeUnit.NANOSECONDS);
  }

  private void tick() {
    if (!trafficOn) {
      return;
    }
    long now = System.nanoTime();
    for (UeState ue : ues) {
      if (!ue.isAttached) {
        continue;
      }
      if (now - ue.lastAnswerOrAttachNanos() > settings.reattachAfter().toNanos()) {
        LOG.warn("UE {}: no answer for {} ms; attaching again", ue.imsi,
            (now - ue.lastAnswerOrAttachNanos()) / 1_000_000);
        reattach(ue);
        continue;
      }
      byte[] payload = ByteBuffer.allocate(20).putInt(ue.index).putLong(ue.sent.incrementAndGet())
          .putLong(now).array();
      byte[] inner = new Ipv4Udp(ue.address, UE_PORT,
          (Inet4Address) settings.internetHost().getAddress(), settings.internetHost().getPort(),
          payload).encode();
      byte[] g = GtpUCodec.encode(GtpUPacket.gpdu(ue.uplinkTeid, inner));
      try {
        gtpu.send(new DatagramPacket(g, g.length, ue.sgw));
      } catch (IOException e) {
        // the SPGW is away: the gap will show it
      }
    }
  }

  private void gtpuLoop() {
    Datagrams.receiveUntilClosed(gtpu, "GTP-U", null, (buf, length, from) -> {
      long now = System.nanoTime();
      try {
        GtpUPacket g = GtpUCodec.decode(buf, length);
        if (g.type() == GtpUPacket.ERROR_INDICATION) {
          errorIndication(g.payload());
          return;
        }
        if (g.type() != GtpUPacket.G_PDU) {
          return;
        }
        UeState ue = byDownlinkTeid.get(g.teid());
        if (ue == null) {
          return;
        }
        Ipv4Udp packet = Ipv4Udp.decode(g.payload());
        if (packet.payload().length == 20 && packet.destination().equals(ue.address)) {
          ue.answered(now, trafficOn);
        }
      } catch (MalformedMessageException e) {
        malformed.incrementAndGet();
      }
    });
  }

  private void errorIndication(byte[] ies) {
    if (ies.length >= 5 && ies[0] == GtpUPacket.IE_TEID_DATA_I) {
      long teid = ByteBuffer.wrap(ies).getInt(1) & 0xffffffffL;
      for (UeState ue : ues) {
        if (ue.isAttached && ue.uplinkTeid == teid) {
          LOG.warn("UE {}: the SPGW does not know its tunnel (Error Indication); attaching again",
              ue.imsi);
          reattach(ue);
        }
      }
    }
  }

  /**
   * Stops the traffic and reports per UE: echoes sent and answered, the longest gap between two
   * answers (including the one still open at the end), and re-attaches.
   */
  public Map<String, Object> stopAndReport() {
    trafficOn = false;
    ticker.shutdownNow();
    return report();
  }

  /** The report so far, traffic going on (a gap still open counts up to now). */
  public Map<String, Object> report() {
    long end = System.nanoTime();
    List<Object> list = new ArrayList<>();
    long maxGap = 0;
    long reattaches = 0;
    for (UeState ue : ues) {
      Map<String, Object> m = ue.report(end);
      maxGap = Math.max(maxGap, (Long) m.get("maxGapMs"));
      reattaches += ue.reattaches;
      list.add(m);
    }
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("ues", (long) ues.size());
    summary.put("attached", (long) attachedCount());
    summary.put("maxGapMs", maxGap);
    summary.put("reattaches", reattaches);
    summary.put("s1Setups", s1Setups.get());
    summary.put("malformed", malformed.get());
    summary.put("intervalMs", settings.interval().toMillis());
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("summary", summary);
    report.put("ues", list);
    return report;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    trafficOn = false;
    ticker.shutdownNow();
    gtpu.close();
    S1Association a = association;
    if (a != null) {
      a.close();
    }
  }
}
