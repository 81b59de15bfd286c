package org.ferry.epc.mme;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ferry.epc.diameter.Avp;
import org.ferry.epc.diameter.DiameterMessage;
import org.ferry.epc.diameter.S6a;
import org.ferry.epc.gtp.FTeid;
import org.ferry.epc.gtp.GtpV2Codec;
import org.ferry.epc.gtp.GtpV2Ie;
import org.ferry.epc.gtp.GtpV2Message;
import org.ferry.epc.nas.NasMessage;
import org.ferry.epc.s1ap.ErabItem;
import org.ferry.epc.s1ap.S1apPdu;
import org.ferry.epc.s1ap.S1apPdu.Ie;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.MalformedMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attach procedure of TS 23.401 §5.3.2.1, reduced to what the stand-ins exchange. Each step
 * runs when the message it waits for arrives: {@link #start} on the Initial UE Message (S6a
 * Authentication-Information, NAS Authentication Request), {@link #authenticated} on the NAS
 * Authentication Response (S6a Update-Location, S11 Create Session, Initial Context Setup with
 * the Attach Accept), {@link #contextSetUp} on the Initial Context Setup Response (S11 Modify
 * Bearer with the gNB's tunnel end). A step that fails rejects the attach and drops the context.
 * Steps block on the HSS and the SPGW, so they run off the S1 reader.
 */
final class AttachProcedure {
  private static final Logger LOG = LoggerFactory.getLogger(AttachProcedure.class);
  /** PLMN 001/01, the test network, in the TBCD of TS 24.008 §10.5.1.13. */
  static final byte[] PLMN = {0x00, (byte) 0xf1, 0x10};
  private static final int DEFAULT_EBI = 5;

  /** Sends a UE-associated S1AP message toward the UE's gNB. */
  @FunctionalInterface
  interface Downlink {
    /**
     * @param ue the UE (its MME and eNB UE S1AP ids are added)
     * @param procedure the S1AP procedure code
     * @param ies the other IEs
     * @throws IOException if the gNB has no association
     */
    void send(UeContext ue, int procedure, List<Ie> ies) throws IOException;
  }

  private final HssClient hss;
  private final SgwClient sgw;
  private final UeContexts contexts;
  private final Counters counters;
  private final Downlink downlink;

  AttachProcedure(HssClient hss, SgwClient sgw, UeContexts contexts, Counters counters,
      Downlink downlink) {
    this.hss = hss;
    this.sgw = sgw;
    this.contexts = contexts;
    this.counters = counters;
    this.downlink = downlink;
  }

  private void downlinkNas(UeContext ue, NasMessage nas) throws IOException {
    downlink.send(ue, S1apPdu.DOWNLINK_NAS_TRANSPORT,
        List.of(new Ie(S1apPdu.IE_NAS_PDU, nas.encode())));
  }

  private void fail(UeContext ue, String why) {
    counters.increment("attach.failed");
    LOG.warn("attach of UE {} failed: {}", ue.imsi, why);
    contexts.remove(ue);
    try {
      downlinkNas(ue, NasMessage.of(NasMessage.ATTACH_REJECT, new byte[] {17})); // network failure
    } catch (IOException e) {
      LOG.debug("no Attach Reject for {}: {}", ue.imsi, e.toString());
    }
  }

  void start(String enbId, long enbUeId, String imsi) {
    UeContext old = contexts.byImsi(imsi);
    if (old != null) {
      counters.increment("attach.reattach");
      LOG.info("UE {} attaches again; dropping its old context {}", imsi, old.mmeUeId);
      contexts.remove(old);
      if (old.sgwS11Teid != 0) {
        try {
          sgw.request(GtpV2Message.DELETE_SESSION_REQUEST, old.sgwS11Teid,
              List.of(GtpV2Ie.u8(GtpV2Ie.EBI, DEFAULT_EBI)));
        } catch (IOException e) {
          LOG.warn("Delete Session for {} failed: {}", imsi, e.getMessage());
        }
      }
    }
    UeContext ue = contexts.create(imsi, enbId, enbUeId);
    counters.increment("attach.requests");
    try {
      DiameterMessage aia = hss.authenticationInformation(imsi, PLMN);
      if (HssClient.resultCode(aia) != S6a.RESULT_SUCCESS) {
        fail(ue, "HSS answered " + HssClient.resultCode(aia) + " to Authentication-Information");
        return;
      }
      Map<Integer, byte[]> v = new HashMap<>();
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

  void authenticated(UeContext ue, byte[] res) {
    if (!Arrays.equals(res, ue.xres)) {
      counters.increment("attach.auth-rejected");
      LOG.warn("UE {} failed authentication (RES does not match XRES)", ue.imsi);
      contexts.remove(ue);
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
    ue.mmeS11Teid = contexts.nextS11Teid();
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
    downlink.send(ue, S1apPdu.INITIAL_CONTEXT_SETUP, List.of(
        new Ie(S1apPdu.IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ,
            new ErabItem(DEFAULT_EBI, s1u.address(), s1u.teid(), s1uPort).encode()),
        new Ie(S1apPdu.IE_SECURITY_KEY, ue.kasme),
        new Ie(S1apPdu.IE_NAS_PDU, NasMessage.of(NasMessage.ATTACH_ACCEPT, ueIp,
            ue.apn.getBytes(StandardCharsets.US_ASCII)).encode())));
  }

  private static byte[] apnLabels(String apn) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String label : apn.split("\\.")) {
      out.write(label.length());
      out.writeBytes(label.getBytes(StandardCharsets.US_ASCII));
    }
    return out.toByteArray();
  }

  void contextSetUp(UeContext ue, ErabItem enbEnd) {
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
}
