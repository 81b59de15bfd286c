package org.ferry.epc.hss;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ferry.epc.wire.Hex;
import org.ferry.epc.wire.Json;

/**
 * One subscription.
 *
 * @param imsi the IMSI, 15 digits
 * @param key the subscriber key K, 16 bytes
 * @param sqn the last sequence number handed out in a vector
 * @param msisdn the subscriber's number
 * @param apn the default APN
 * @param ambrUplinkBps subscribed aggregate maximum bit rate up, bit/s
 * @param ambrDownlinkBps subscribed aggregate maximum bit rate down, bit/s
 * @param servingMme the Origin-Host of the MME of the last Update-Location, "" if none
 */
public record Subscriber(
    String imsi, byte[] key, long sqn, String msisdn, String apn, long ambrUplinkBps,
    long ambrDownlinkBps, String servingMme) {

  /** Copies the key. */
  public Subscriber {
    key = key.clone();
  }

  /** @return the key, a copy */
  @Override
  public byte[] key() {
    return key.clone();
  }

  /** @return this subscriber with {@code sqn} */
  public Subscriber withSqn(long newSqn) {
    return new Subscriber(imsi, key, newSqn, msisdn, apn, ambrUplinkBps, ambrDownlinkBps,
        servingMme);
  }

  /** @return this subscriber served by {@code mme} */
  public Subscriber withServingMme(String mme) {
    return new Subscriber(imsi, key, sqn, msisdn, apn, ambrUplinkBps, ambrDownlinkBps, mme);
  }

  /** @return the JSON form of the store file */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imsi", imsi);
    m.put("k", Hex.of(key));
    m.put("sqn", sqn);
    m.put("msisdn", msisdn);
    m.put("apn", apn);
    m.put("ambrUl", ambrUplinkBps);
    m.put("ambrDl", ambrDownlinkBps);
    m.put("servingMme", servingMme);
    return m;
  }

  /** @throws IllegalArgumentException if a member is missing */
  public static Subscriber fromJson(Map<String, Object> m) {
    Object mme = m.get("servingMme");
    return new Subscriber(Json.stringOf(m, "imsi"), Hex.parse(Json.stringOf(m, "k")),
        Json.longOf(m, "sqn"), Json.stringOf(m, "msisdn"), Json.stringOf(m, "apn"),
        Json.longOf(m, "ambrUl"), Json.longOf(m, "ambrDl"), mme == null ? "" : mme.toString());
  }
}
