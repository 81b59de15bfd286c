package org.ferry.epc.mme;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the MME keeps per UE (TS 23.401 §5.7.2, much reduced): identities on S1, the security
 * context from the HSS, the session at the SPGW and the state of the attach. Mutated only by the
 * UE's own procedure; read by the status endpoint.
 */
public final class UeContext {

  /** Where the attach stands. */
  public enum State { AUTHENTICATING, CREATING_SESSION, CONTEXT_SETUP, REGISTERED }

  final String imsi;
  final long mmeUeId;
  final String enbId;
  volatile long enbUeId;
  volatile State state = State.AUTHENTICATING;
  volatile byte[] xres;
  volatile byte[] kasme;
  volatile String msisdn = "";
  volatile String apn = "";
  volatile String ueAddress = "";
  volatile long mmeS11Teid;
  volatile long sgwS11Teid;
  volatile long sgwS1uTeid;
  volatile long enbS1uTeid;
  volatile String enbS1uAddress = "";

  UeContext(String imsi, long mmeUeId, String enbId, long enbUeId) {
    this.imsi = imsi;
    this.mmeUeId = mmeUeId;
    this.enbId = enbId;
    this.enbUeId = enbUeId;
  }

  /** @return the IMSI */
  public String imsi() {
    return imsi;
  }

  /** @return the state of the attach */
  public State state() {
    return state;
  }

  /** @return the context as JSON for the status endpoint (no keys) */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imsi", imsi);
    m.put("mmeUeS1apId", mmeUeId);
    m.put("enbUeS1apId", enbUeId);
    m.put("enb", enbId);
    m.put("state", state.name());
    m.put("msisdn", msisdn);
    m.put("apn", apn);
    m.put("ueAddress", ueAddress);
    m.put("mmeS11Teid", mmeS11Teid);
    m.put("sgwS11Teid", sgwS11Teid);
    m.put("sgwS1uTeid", sgwS1uTeid);
    m.put("enbS1uTeid", enbS1uTeid);
    m.put("enbS1uAddress", enbS1uAddress);
    return m;
  }
}
