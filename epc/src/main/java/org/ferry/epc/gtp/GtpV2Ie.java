package org.ferry.epc.gtp;

import java.nio.ByteBuffer;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One GTPv2-C information element (TS 29.274 §8.2): type, 16-bit length, instance, value.
 *
 * @param type IE type (IMSI 1, Cause 2, Recovery 3, APN 71, EBI 73, PAA 79, RAT Type 82, F-TEID
 *     87, Bearer Context 93, Private Extension 255)
 * @param instance distinguishes IEs of one type in one message
 * @param value the value; for a grouped IE (Bearer Context), encoded IEs
 */
public record GtpV2Ie(int type, int instance, byte[] value) {
  public static final int IMSI = 1;
  public static final int CAUSE = 2;
  public static final int RECOVERY = 3;
  public static final int APN = 71;
  public static final int EBI = 73;
  public static final int PAA = 79;
  public static final int RAT_TYPE = 82;
  public static final int F_TEID = 87;
  public static final int BEARER_CONTEXT = 93;
  public static final int PRIVATE_EXTENSION = 255;

  /** Copies the value. */
  public GtpV2Ie {
    value = value.clone();
    if (value.length > 0xffff) {
      throw new IllegalArgumentException("IE " + type + " of " + value.length + " bytes");
    }
  }

  /** @return the value, a copy */
  @Override
  public byte[] value() {
    return value.clone();
  }

  /** @return a one-byte IE (EBI, RAT Type, Recovery) */
  public static GtpV2Ie u8(int type, int v) {
    return new GtpV2Ie(type, 0, new byte[] {(byte) v});
  }

  /** @return a Cause IE (value, then the spare/PCE/BCE/CS octet) */
  public static GtpV2Ie cause(int cause) {
    return new GtpV2Ie(CAUSE, 0, new byte[] {(byte) cause, 0});
  }

  /** @return a grouped IE holding {@code members} */
  public static GtpV2Ie grouped(int type, List<GtpV2Ie> members) {
    return new GtpV2Ie(type, 0, GtpV2Codec.encodeIes(members));
  }

  /**
   * A Private Extension IE (TS 29.274 §8.67) carrying a UDP port: enterprise id 0 is not
   * registered to anyone; the stand-ins use it to carry the GTP-U port of an F-TEID so that
   * several functions can share one loopback host (it is 2152 in a real network).
   */
  public static GtpV2Ie port(int instance, int port) {
    return new GtpV2Ie(PRIVATE_EXTENSION, instance,
        ByteBuffer.allocate(4).putShort((short) 0).putShort((short) port).array());
  }

  /** @return the first value byte @throws MalformedMessageException if empty */
  public int u8() throws MalformedMessageException {
    if (value.length < 1) {
      throw new MalformedMessageException("GTPv2-C", MalformedMessageException.Reason.BAD_LENGTH,
          "IE " + type + " is empty");
    }
    return value[0] & 0xff;
  }

  /** @return the port of a {@link #port} IE @throws MalformedMessageException otherwise */
  public int portValue() throws MalformedMessageException {
    if (type != PRIVATE_EXTENSION || value.length != 4) {
      throw new MalformedMessageException("GTPv2-C", MalformedMessageException.Reason.BAD_LENGTH,
          "private extension of " + value.length + " bytes");
    }
    return ByteBuffer.wrap(value).getShort(2) & 0xffff;
  }

  /** @return the members of a grouped IE @throws MalformedMessageException if they do not parse */
  public List<GtpV2Ie> members() throws MalformedMessageException {
    return GtpV2Codec.decodeIes(value, 0, value.length);
  }
}
