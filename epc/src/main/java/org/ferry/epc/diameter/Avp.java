package org.ferry.epc.diameter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One Diameter AVP (RFC 6733 §4.1): code, flags (V 0x80, M 0x40, P 0x20), optional vendor id and
 * the data without padding.
 *
 * @param code the AVP code
 * @param flags V/M/P bits; V is set exactly when {@code vendorId != 0}
 * @param vendorId 0 for IETF AVPs, 10415 for 3GPP
 * @param data the raw data
 */
public record Avp(int code, int flags, long vendorId, byte[] data) {
  /** Vendor-Specific bit. */
  public static final int FLAG_V = 0x80;
  /** Mandatory bit. */
  public static final int FLAG_M = 0x40;

  /** @throws IllegalArgumentException if the V flag and the vendor id disagree */
  public Avp {
    if (((flags & FLAG_V) != 0) != (vendorId != 0)) {
      throw new IllegalArgumentException("AVP " + code + ": V flag and vendor id " + vendorId
          + " disagree");
    }
    data = data.clone();
  }

  /** @return an IETF mandatory AVP holding UTF-8 text */
  public static Avp utf8(int code, String value) {
    return new Avp(code, FLAG_M, 0, value.getBytes(StandardCharsets.UTF_8));
  }

  /** @return an IETF mandatory Unsigned32 AVP */
  public static Avp u32(int code, long value) {
    return new Avp(code, FLAG_M, 0, ByteBuffer.allocate(4).putInt((int) value).array());
  }

  /** @return a 3GPP (vendor 10415) mandatory AVP holding {@code data} */
  public static Avp vendor(int code, byte[] data) {
    return new Avp(code, FLAG_V | FLAG_M, S6a.VENDOR_3GPP, data);
  }

  /** @return a 3GPP mandatory Unsigned32 AVP */
  public static Avp vendorU32(int code, long value) {
    return vendor(code, ByteBuffer.allocate(4).putInt((int) value).array());
  }

  /** @return a 3GPP mandatory UTF-8 AVP */
  public static Avp vendorUtf8(int code, String value) {
    return vendor(code, value.getBytes(StandardCharsets.UTF_8));
  }

  /** @return a grouped AVP (3GPP when {@code vendor}) holding {@code members} */
  public static Avp grouped(int code, boolean vendor, List<Avp> members) {
    byte[] body = DiameterCodec.encodeAvps(members);
    return vendor ? vendor(code, body) : new Avp(code, FLAG_M, 0, body);
  }

  /** @return the data, a copy */
  @Override
  public byte[] data() {
    return data.clone();
  }

  /** @return the data as UTF-8 text */
  public String utf8() {
    return new String(data, StandardCharsets.UTF_8);
  }

  /** @return the data as Unsigned32 @throws MalformedMessageException if it is not 4 bytes */
  public long u32() throws MalformedMessageException {
    if (data.length != 4) {
      throw new MalformedMessageException("Diameter", MalformedMessageException.Reason.BAD_LENGTH,
          "AVP " + code + " is Unsigned32 but holds " + data.length + " bytes");
    }
    return ByteBuffer.wrap(data).getInt() & 0xffffffffL;
  }

  /** @return the members of a grouped AVP @throws MalformedMessageException if they do not parse */
  public List<Avp> members() throws MalformedMessageException {
    return DiameterCodec.decodeAvps(data, 0, data.length);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Avp && ((Avp) o).code == code && ((Avp) o).flags == flags
        && ((Avp) o).vendorId == vendorId && Arrays.equals(((Avp) o).data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * code + (int) vendorId) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Avp[" + code + (vendorId != 0 ? "/" + vendorId : "") + ", " + data.length + " B]";
  }
}
