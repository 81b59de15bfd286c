package org.ferry.epc.mme;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * The MME: S1 associations from gNBs, S1AP dispatch to the {@link AttachProcedure} (Initial UE
 * Message with Attach Request → S6a Authentication-Information → NAS Authentication Request /
 * Response → S6a Update-Location → S11 Create Session → Initial Context Setup with Attach Accept →
 * S11 Modify Bearer with the gNB's tunnel end → Attach Complete). UE contexts outlive an S1
 * association: a gNB that re-associates (same Global eNB ID) finds its UEs still registered.
 * Malformed S1AP or NAS input is counted, logged and dropped.
 */
public final class MmeServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(MmeServer.class);

  private final S1Listener listener;
  private final HssClient hss;
  private final SgwClient sgw;
  private final String name;
  private final Counters counters;
  private final Map<String, S1Association> associations = new ConcurrentHashMap<>();
  private final UeContexts contexts = new UeContexts();
  private final AttachProcedure attach;
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
    this.attach = new AttachProcedure(hss, sgw, contexts, counters, this::downlink);
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
        procedures.execute(() -> attach.start(enbId, enbUeId, imsi));
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
          procedures.execute(() -> attach.authenticated(ue, res));
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
        procedures.execute(() -> attach.contextSetUp(ue, erab));
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
    UeContext ue = contexts.byMmeUeId(mmeUeId);
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
    for (UeContext ue : contexts.all()) {
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
