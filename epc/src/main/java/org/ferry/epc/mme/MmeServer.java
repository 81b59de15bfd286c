package org.ferry.epc.mme;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.ferry.epc.diameter.Avp;
import org.ferry.epc.diameter.DiameterMessage;
import org.ferry.epc.diameter.S6a;
import org.ferry.epc.gtp.FTeid;
import org.ferry.epc.gtp.GtpV2Codec;
import org.ferry.epc.gtp.GtpV2Ie;
import org.ferry.epc.gtp.GtpV2Message;
import org.ferry.epc.nas.NasMessage;
import org.ferry.epc.s1ap.ErabItem;
import org.ferry.epc.s1ap.S1apCodec;
import org.ferry.epc.s1ap.S1apPdu;
import org.ferry.epc.s1ap.S1apPdu.Ie;
import org.ferry.epc.transport.S1Association;
import org.ferry.epc.transport.S1Listener;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.Threads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MME: S1 associations from gNBs, the attach procedure (TS 23.401 §5.3.2.1, reduced): Initial
 * UE Message with Attach Request → S6a Authentication-Information → NAS Authentication Request /
 * Response → S6a Update-Location → S11 Create Session → Initial Context Setup with Attach Accept →
 * S11 Modify Bearer with the gNB's tunnel end → Attach Complete. UE contexts outlive an S1
 * association: a gNB that re-associates (same Global eNB ID) finds its UEs still registered.
 * Malformed S1AP or NAS input is counted, logged and dropped.
 */
public final class MmeServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MmeServer.class);
  /** PLMN 001/01, the test network, in the TBCD of TS 24.008 §10.5.1.13. */
  static final byte[] PLMN = {0x00, (byte) 0xf1, 0x10};
  private static final int DEFAULT_EBI = 5;

  private final S1Listener listener;
  private final HssClient hss;
  private final SgwClient sgw;
  private final String name;
  private final Counters counters;
  private final Map<String, S1Association> associations = new ConcurrentHashMap<>();
  private final Map<Long, UeContext> byMmeUeId = new ConcurrentHashMap<>();
  private final Map<String, UeContext> byImsi = new ConcurrentHashMap<>();
  private final AtomicLong nextMmeUeId = new AtomicLong(1);
  private final AtomicLong nextS11Teid = new AtomicLong(0x1000);
  private final ExecutorService procedures = Executors.newFixedThreadPool(2, r -> {
    Thread t = new Thread(r, "mme-procedure");
    t.setDaemon(true);
    return t;
  });

  /**
   * Starts accepting associations.
   *
   * @param listener the S1 listener
   * @param hss the S6a client (started by the caller)
   * @param sgw the S11 client
   * @param name the MME's name (S1 Setup Response) and Diameter identity
   * @param counters shared with the clients
   */
  public MmeServer(S1Listener listener, HssClient hss, SgwClient sgw, String name,
      Counters counters) {
    this.listener = listener;
    this.hss = hss;
    this.sgw = sgw;
    this.name = name;
    this.counters = counters;
    Threads.start("mme-s1-accept", this::acceptLoop);
    LOG.info("MME {} accepting S1 on {}", name, listener.address());
  }

  private void acceptLoop() {
    while (true) {
      S1Association a;
      try {
        a = listener.accept();
      } catch (IOException e) {
        return;
      }
      LOG.info("S1 association from {}", a.peer());
      Threads.start("mme-s1-" + a.peer(), () -> serve(a));
    }
  }

  private void serve(S1Association a) {
    String[] enb = {null};
    try (a) {
      while (true) {
        byte[] bytes;
        try {
          bytes = a.receive();
        } catch (MalformedMessageException e) {
          counters.increment("malformed.s1ap");
          LOG.warn("S1 from {}: dropped malformed framing and the association: {}", a.peer(),
              e.getMessage());
          return;
        }
        try {
          S1apPdu pdu = S1apCodec.decode(bytes);
          handle(a, enb, pdu);
        } catch (MalformedMessageException e) {
          counters.increment("malformed." + e.protocol().toLowerCase());
          LOG.warn("S1 from {}: dropped malformed message: {}", a.peer(), e.getMessage());
        }
      }
    } catch (EOFException e) {
      LOG.info("S1 association from {} (eNB {}) closed by the peer", a.peer(), enb[0]);
    } catch (IOException e) {
      LOG.info("S1 association from {} (eNB {}) lost: {}", a.peer(), enb[0], e.toString());
    } finally {
      if (enb[0] != null) {
        associations.remove(enb[0], a);
      }
    }
  }

  private void handle(S1Association a, String[] enb, S1apPdu pdu)
      throws MalformedMessageException, IOException {
    if (pdu.procedureCode() == S1apPdu.S1_SETUP && pdu.type() == S1apPdu.Type.INITIATING) {
      String id = new String(pdu.require(S1apPdu.IE_GLOBAL_ENB_ID).value(), StandardCharsets.UTF_8);
      enb[0] = id;
      associations.put(id, a);
      counters.increment("s1-setup");
      LOG.info("S1 Setup from eNB {} at {}", id, a.peer());
      a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.SUCCESSFUL, S1apPdu.S1_SETUP,
          List.of(new Ie(S1apPdu.IE_MME_NAME, name.getBytes(StandardCharsets.UTF_8))))));
      return;
    }
    if (enb[0] == null) {
      counters.increment("s1ap.before-setup");
      LOG.warn("S1 from {}: procedure {} before S1 Setup, dropped", a.peer(), pdu.procedureCode());
      return;
    }
    String enbId = enb[0];
    switch (pdu.procedureCode()) {
      case S1apPdu.INITIAL_UE_MESSAGE: {
        long enbUeId = pdu.require(S1apPdu.IE_ENB_UE_S1AP_ID).u32();
        NasMessage nas = NasMessage.decode(pdu.require(S1apPdu.IE_NAS_PDU).value());
        if (nas.type() != NasMessage.ATTACH_REQUEST) {
          throw new MalformedMessageException("NAS", MalformedMessageException.Reason.BAD_VALUE,
              "Initial UE Message with NAS type 0x" + Integer.toHexString(nas.type()));
        }
        String imsi = new String(nas.field(0), StandardCharsets.US_ASCII);
        procedures.execute(() -> startAttach(enbId, enbUeId, imsi));
        break;
      }
      case S1apPdu.UPLINK_NAS_TRANSPORT: {
        UeContext ue = context(a, pdu);
        if (ue == null) {
          return;
        }
        NasMessage nas = NasMessage.decode(pdu.require(S1apPdu.IE_NAS_PDU).value());
        if (nas.type() == NasMessage.AUTHENTICATION_RESPONSE) {
          byte[] res = nas.field(0);
          procedures.execute(() -> authenticated(ue, res));
        } else if (nas.type() == NasMessage.ATTACH_COMPLETE) {
          ue.state = UeContext.State.REGISTERED;
          counters.increment("attach.completed");
          LOG.info("UE {} registered (MME-UE-S1AP-ID {}, address {})", ue.imsi, ue.mmeUeId,
              ue.ueAddress);
        } else {
          counters.increment("nas.unsupported");
        }
        break;
      }
      case S1apPdu.INITIAL_CONTEXT_SETUP: {
        UeContext ue = context(a, pdu);
        if (ue == null) {
          return;
        }
        ErabItem erab = ErabItem.decode(pdu.require(S1apPdu.IE_E_RAB_SETUP_LIST_CTXT_SU_RES).value());
        procedures.execute(() -> contextSetUp(ue, erab));
        break;
      }
      default:
        counters.increment("s1ap.unsupported");
        LOG.warn("S1 from eNB {}: unsupported procedure {}, dropped", enbId, pdu.procedureCode());
    }
  }

  /** The UE context an uplink message names, or null after answering with an Error Indication. */
  private UeContext context(S1Association a, S1apPdu pdu)
      throws MalformedMessageException, IOException {
    long mmeUeId = pdu.require(S1apPdu.IE_MME_UE_S1AP_ID).u32();
    UeContext ue = byMmeUeId.get(mmeUeId);
    if (ue == null) {
      counters.increment("s1ap.unknown-ue");
      LOG.warn("S1 from {}: no UE context for MME-UE-S1AP-ID {}; Error Indication sent", a.peer(),
          mmeUeId);
      List<Ie> ies = new ArrayList<>();
      ies.add(Ie.u32(S1apPdu.IE_MME_UE_S1AP_ID, mmeUeId));
      pdu.ie(S1apPdu.IE_ENB_UE_S1AP_ID).ifPresent(ies::add);
      ies.add(new Ie(S1apPdu.IE_CAUSE, new byte[] {0, 14})); // radioNetwork, unknown-mme-ue-s1ap-id
      a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.INITIATING, S1apPdu.ERROR_INDICATION, ies)));
      return null;
    }
    pdu.ie(S1apPdu.IE_ENB_UE_S1AP_ID).ifPresent(i -> {
      try {
        ue.enbUeId = i.u32();
      } catch (MalformedMessageException ignored) {
        // keep the known one
      }
    });
    return ue;
  }

  private void downlink(UeContext ue, int procedure, List<Ie> extra) throws IOException {
    S1Association a = associations.get(ue.enbId);
    if (a == null) {
      throw new IOException("no S1 association with eNB " + ue.enbId);
    }
    List<Ie> ies = new ArrayList<>();
    ies.add(Ie.u32(S1apPdu.IE_MME_UE_S1AP_ID, ue.mmeUeId));
    ies.add(Ie.u32(S1apPdu.IE_ENB_UE_S1AP_ID, ue.enbUeId));
    ies.addAll(extra);
    a.send(S1apCodec.encode(new S1apPdu(S1apPdu.Type.INITIATING, procedure, ies)));
  }

  private void downlinkNas(UeContext ue, NasMessage nas) throws IOException {
    downlink(ue, S1apPdu.DOWNLINK_NAS_TRANSPORT,
        List.of(new Ie(S1apPdu.IE_NAS_PDU, nas.encode())));
  }

  private void fail(UeContext ue, String why) {
    counters.increment("attach.failed");
    LOG.warn("attach of UE {} failed: {}", ue.imsi, why);
    byMmeUeId.remove(ue.mmeUeId);
    byImsi.remove(ue.imsi, ue);
    try {
      downlinkNas(ue, NasMessage.of(NasMessage.ATTACH_REJECT, new byte[] {17})); // network failure
    } catch (IOException e) {
      LOG.debug("no Attach Reject for {}: {}", ue.imsi, e.toString());
    }
  }

  private void startAttach(String enbId, long enbUeId, String imsi) {
    UeContext old = byImsi.get(imsi);
    if (old != null) {
      counters.increment("attach.reattach");
      LOG.info("UE {} attaches again; dropping its old context {}", imsi, old.mmeUeId);
      byMmeUeId.remove(old.mmeUeId);
      byImsi.remove(imsi, old);
      if (old.sgwS11Teid != 0) {
        try {
          sgw.request(GtpV2Message.DELETE_SESSION_REQUEST, old.sgwS11Teid,
              List.of(GtpV2Ie.u8(GtpV2Ie.EBI, DEFAULT_EBI)));
        } catch (IOException e) {
          LOG.warn("Delete Session for {} failed: {}", imsi, e.getMessage());
        }
      }
    }
    UeContext ue = new UeContext(imsi, nextMmeUeId.getAndIncrement(), enbId, enbUeId);
    byMmeUeId.put(ue.mmeUeId, ue);
    byImsi.put(imsi, ue);
    counters.increment("attach.requests");
    try {
      DiameterMessage aia = hss.authenticationInformation(imsi, PLMN);
      if (HssClient.resultCode(aia) != S6a.RESULT_SUCCESS) {
        fail(ue, "HSS answered " + HssClient.resultCode(aia) + " to Authentication-Information");
        return;
      }
      Map<Integer, byte[]> v = new java.util.HashMap<>();
      for (Avp vec : aia.require(S6a.AUTHENTICATION_INFO).members()) {
        if (vec.code() == S6a.E_UTRAN_VECTOR) {
          for (Avp part : vec.members()) {
            v.put(part.code(), part.data());
          }
        }
      }
      if (!v.keySet().containsAll(List.of(S6a.RAND, S6a.XRES, S6a.AUTN, S6a.KASME))) {
        fail(ue, "Authentication-Information answer without a whole E-UTRAN vector");
        return;
      }
      ue.xres = v.get(S6a.XRES);
      ue.kasme = v.get(S6a.KASME);
      downlinkNas(ue, NasMessage.of(NasMessage.AUTHENTICATION_REQUEST, v.get(S6a.RAND),
          v.get(S6a.AUTN)));
    } catch (IOException | MalformedMessageException e) {
      fail(ue, e.getMessage());
    }
  }

  private void authenticated(UeContext ue, byte[] res) {
    if (!Arrays.equals(res, ue.xres)) {
      counters.increment("attach.auth-rejected");
      LOG.warn("UE {} failed authentication (RES does not match XRES)", ue.imsi);
      byMmeUeId.remove(ue.mmeUeId);
      byImsi.remove(ue.imsi, ue);
      try {
        downlinkNas(ue, NasMessage.of(NasMessage.AUTHENTICATION_REJECT));
      } catch (IOException e) {
        LOG.debug("no Authentication Reject for {}: {}", ue.imsi, e.toString());
      }
      return;
    }
    ue.state = UeContext.State.CREATING_SESSION;
    try {
      DiameterMessage ula = hss.updateLocation(ue.imsi, PLMN);
      if (HssClient.resultCode(ula) != S6a.RESULT_SUCCESS) {
        fail(ue, "HSS answered " + HssClient.resultCode(ula) + " to Update-Location");
        return;
      }
      for (Avp a : ula.require(S6a.SUBSCRIPTION_DATA).members()) {
        if (a.code() == S6a.MSISDN) {
          ue.msisdn = a.utf8();
        } else if (a.code() == S6a.APN_CONFIGURATION_PROFILE) {
          for (Avp p : a.members()) {
            if (p.code() == S6a.SERVICE_SELECTION) {
              ue.apn = p.utf8();
            }
          }
        }
      }
      createSession(ue);
    } catch (IOException | MalformedMessageException e) {
      fail(ue, e.getMessage());
    }
  }

  private void createSession(UeContext ue) throws IOException, MalformedMessageException {
    ue.mmeS11Teid = nextS11Teid.getAndIncrement();
    Inet4Address mmeAddress = (Inet4Address) sgw.address().getAddress();
    GtpV2Message csr = sgw.request(GtpV2Message.CREATE_SESSION_REQUEST, 0, List.of(
        new GtpV2Ie(GtpV2Ie.IMSI, 0, GtpV2Codec.tbcd(ue.imsi)),
        GtpV2Ie.u8(GtpV2Ie.RAT_TYPE, 6), // EUTRAN
        new FTeid(FTeid.S11_MME, ue.mmeS11Teid, mmeAddress).toIe(0),
        new GtpV2Ie(GtpV2Ie.APN, 0, apnLabels(ue.apn)),
        new GtpV2Ie(GtpV2Ie.PAA, 0, new byte[] {1, 0, 0, 0, 0}),
        GtpV2Ie.grouped(GtpV2Ie.BEARER_CONTEXT, List.of(GtpV2Ie.u8(GtpV2Ie.EBI, DEFAULT_EBI)))));
    int cause = csr.require(GtpV2Ie.CAUSE, 0).u8();
    if (cause != GtpV2Message.CAUSE_ACCEPTED) {
      fail(ue, "SPGW refused Create Session with cause " + cause);
      return;
    }
    ue.sgwS11Teid = FTeid.of(csr.require(GtpV2Ie.F_TEID, 0)).teid();
    byte[] paa = csr.require(GtpV2Ie.PAA, 0).value();
    if (paa.length != 5) {
      throw new MalformedMessageException("GTPv2-C", MalformedMessageException.Reason.BAD_LENGTH,
          "PAA of " + paa.length + " bytes");
    }
    byte[] ueIp = Arrays.copyOfRange(paa, 1, 5);
    ue.ueAddress = InetAddress.getByAddress(ueIp).getHostAddress();
    List<GtpV2Ie> bearer = csr.require(GtpV2Ie.BEARER_CONTEXT, 0).members();
    FTeid s1u = FTeid.of(GtpV2Message.require(bearer, GtpV2Ie.F_TEID, 0, "bearer context"));
    int s1uPort = GtpV2Message.find(bearer, GtpV2Ie.PRIVATE_EXTENSION, 0).isPresent()
        ? GtpV2Message.find(bearer, GtpV2Ie.PRIVATE_EXTENSION, 0).get().portValue() : 2152;
    ue.sgwS1uTeid = s1u.teid();
    ue.state = UeContext.State.CONTEXT_SETUP;
    downlink(ue, S1apPdu.INITIAL_CONTEXT_SETUP, List.of(
        new Ie(S1apPdu.IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ,
            new ErabItem(DEFAULT_EBI, s1u.address(), s1u.teid(), s1uPort).encode()),
        new Ie(S1apPdu.IE_SECURITY_KEY, ue.kasme),
        new Ie(S1apPdu.IE_NAS_PDU, NasMessage.of(NasMessage.ATTACH_ACCEPT, ueIp,
            ue.apn.getBytes(StandardCharsets.US_ASCII)).encode())));
  }

  private static byte[] apnLabels(String apn) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (String label : apn.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  private void contextSetUp(UeContext ue, ErabItem enbEnd) {
    try {
      GtpV2Message mbr = sgw.request(GtpV2Message.MODIFY_BEARER_REQUEST, ue.sgwS11Teid, List.of(
          GtpV2Ie.grouped(GtpV2Ie.BEARER_CONTEXT, List.of(
              GtpV2Ie.u8(GtpV2Ie.EBI, enbEnd.erabId()),
              new FTeid(FTeid.S1U_ENB, enbEnd.teid(), enbEnd.address()).toIe(0),
              GtpV2Ie.port(0, enbEnd.port())))));
      int cause = mbr.require(GtpV2Ie.CAUSE, 0).u8();
      if (cause != GtpV2Message.CAUSE_ACCEPTED) {
        fail(ue, "SPGW refused Modify Bearer with cause " + cause);
        return;
      }
      ue.enbS1uTeid = enbEnd.teid();
      ue.enbS1uAddress = enbEnd.address().getHostAddress() + ":" + enbEnd.port();
    } catch (IOException | MalformedMessageException e) {
      fail(ue, e.getMessage());
    }
  }

  /** @return the state a move must keep: associations, the S6a connection, UE contexts */
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("function", "mme");
    m.put("name", name);
    m.put("s1", Args.format(listener.address()));
    List<Object> assoc = new ArrayList<>();
    associations.forEach((id, a) -> {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("enb", id);
      am.put("peer", String.valueOf(a.peer()));
      assoc.add(am);
    });
    m.put("associations", assoc);
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("address", Args.format(hss.hss()));
    h.put("connected", hss.connected());
    m.put("hss", h);
    m.put("sgw", Args.format(sgw.sgw()));
    List<Object> ues = new ArrayList<>();
    long registered = 0;
    for (UeContext ue : byMmeUeId.values()) {
      ues.add(ue.toJson());
      if (ue.state == UeContext.State.REGISTERED) {
        registered++;
      }
    }
    m.put("ueContexts", ues.size());
    m.put("registered", registered);
    m.put("ues", ues);
    m.put("counters", counters.snapshot());
    return m;
  }

  @Override
  public void close() throws IOException {
    listener.close();
    for (S1Association a : associations.values()) {
      a.close();
    }
    procedures.shutdownNow();
    hss.close();
    sgw.close();
  }
}
