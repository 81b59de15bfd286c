package org.ferry.epc.gtp;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * A Fully Qualified TEID (TS 29.274 §8.22), IPv4 only: flags (V4 0x80) and interface type in the
 * first octet, the TEID, the IPv4 address.
 *
 * @param interfaceType e.g. {@link #S1U_ENB} 0, {@link #S1U_SGW} 1, {@link #S11_MME} 10,
 *     {@link #S11_SGW} 11
 * @param teid the tunnel endpoint identifier
 * @param address the endpoint's IPv4 address
 */
public record FTeid(int interfaceType, long teid, Inet4Address address) {
  public static final int S1U_ENB = 0;
  public static final int S1U_SGW = 1;
  public static final int S11_MME = 10;
  public static final int S11_SGW = 11;

  /** @return an F-TEID IE of {@code instance} */
  public GtpV2Ie toIe(int instance) {
    return new GtpV2Ie(GtpV2Ie.F_TEID, instance, ByteBuffer.allocate(9)
        .put((byte) (0x80 | (interfaceType & 0x3f))).putInt((int) teid).put(address.getAddress())
        .array());
  }

  /** @throws MalformedMessageException if the IE is short or has no IPv4 address */
  public static FTeid of(GtpV2Ie ie) throws MalformedMessageException {
    byte[] v = ie.value();
    if (v.length < 9 || (v[0] & 0x80) == 0) {
      throw new MalformedMessageException("GTPv2-C", MalformedMessageException.Reason.BAD_LENGTH,
          "F-TEID of " + v.length + " bytes, or without IPv4");
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    int flags = b.get() & 0xff;
    long teid = b.getInt() & 0xffffffffL;
    byte[] a = new byte[4];
    b.get(a);
    try {
      return new FTeid(flags & 0x3f, teid, (Inet4Address) InetAddress.getByAddress(a));
    } catch (UnknownHostException e) {
      throw new MalformedMessageException("GTPv2-C", MalformedMessageException.Reason.BAD_VALUE,
          "F-TEID address");
    }
  }
}
