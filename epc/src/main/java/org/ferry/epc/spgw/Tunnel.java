package org.ferry.epc.spgw;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Json;

/**
 * One UE's default bearer at the SPGW: what the kernel's gtp device keeps per PDP context, plus
 * the S11 session.
 *
 * @param imsi the UE
 * @param ebi the EPS bearer id
 * @param ueAddress the UE's IPv4 address (from the pool)
 * @param uplinkTeid the TEID the SPGW receives the UE's packets on
 * @param enbTeid the gNB's TEID for downlink, 0 until Modify Bearer
 * @param enb the gNB's GTP-U address, null until Modify Bearer
 * @param sgwS11Teid the SPGW's control TEID for this session
 * @param mmeS11Teid the MME's control TEID
 */
public record Tunnel(
    String imsi, int ebi, Inet4Address ueAddress, long uplinkTeid, long enbTeid,
    InetSocketAddress enb, long sgwS11Teid, long mmeS11Teid) {

  /** @return this tunnel with the gNB's end set */
  public Tunnel withEnb(long teid, InetSocketAddress address) {
    return new Tunnel(imsi, ebi, ueAddress, uplinkTeid, teid, address, sgwS11Teid, mmeS11Teid);
  }

  /** @return whether downlink packets can be sent (the gNB's end is known) */
  public boolean complete() {
    return enb != null;
  }

  /** @return the tunnel-state file's form */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imsi", imsi);
    m.put("ebi", ebi);
    m.put("ueAddress", ueAddress.getHostAddress());
    m.put("uplinkTeid", uplinkTeid);
    m.put("enbTeid", enbTeid);
    m.put("enb", enb == null ? null : Args.format(enb));
    m.put("sgwS11Teid", sgwS11Teid);
    m.put("mmeS11Teid", mmeS11Teid);
    return m;
  }

  /** @throws IllegalArgumentException if a member is missing or malformed */
  public static Tunnel fromJson(Map<String, Object> m) {
    try {
      Object enb = m.get("enb");
      return new Tunnel(Json.stringOf(m, "imsi"), (int) Json.longOf(m, "ebi"),
          (Inet4Address) InetAddress.getByName(Json.stringOf(m, "ueAddress")),
          Json.longOf(m, "uplinkTeid"), Json.longOf(m, "enbTeid"),
          enb == null ? null : Args.parseAddress(enb.toString()),
          Json.longOf(m, "sgwS11Teid"), Json.longOf(m, "mmeS11Teid"));
    } catch (UnknownHostException | ClassCastException e) {
      throw new IllegalArgumentException("bad tunnel " + m + ": " + e.getMessage(), e);
    }
  }
}
