package org.ferry.epc.gtp;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;

/** Encodes and decodes GTPv2-C messages (TS 29.274 §5.1, §8.2). */
public final class GtpV2Codec {
  private static final String PROTOCOL = "GTPv2-C";
  private static final int FLAG_P = 0x10;
  private static final int FLAG_T = 0x08;

  private GtpV2Codec() {}

  /** @return {@code m} as one UDP payload */
  public static byte[] encode(GtpV2Message m) {
    byte[] ies = encodeIes(m.ies());
    boolean t = m.teid() >= 0;
    int afterFirst4 = (t ? 8 : 4) + ies.length;
    ByteBuffer b = ByteBuffer.allocate(4 + afterFirst4);
    b.put((byte) ((2 << 5) | (t ? FLAG_T : 0))).put((byte) m.type()).putShort((short) afterFirst4);
    if (t) {
      b.putInt((int) m.teid());
    }
    b.putInt(m.sequence() << 8);
    b.put(ies);
    return b.array();
  }

  /** @return the IEs encoded one after another */
  public static byte[] encodeIes(List<GtpV2Ie> ies) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (GtpV2Ie ie : ies) {
      byte[] v = ie.value();
      out.writeBytes(ByteBuffer.allocate(4).put((byte) ie.type()).putShort((short) v.length)
          .put((byte) (ie.instance() & 0x0f)).array());
      out.writeBytes(v);
    }
    return out.toByteArray();
  }

  /**
   * @param data one UDP payload
   * @return the message
   * @throws MalformedMessageException if it is short, not version 2, piggybacked (P flag, not
   *     supported), or its length field or an IE disagrees with the bytes
   */
  public static GtpV2Message decode(byte[] data) throws MalformedMessageException {
    if (data.length < 8) {
      throw new MalformedMessageException(PROTOCOL, Reason.SHORT, data.length + " bytes");
    }
    int version = (data[0] & 0xe0) >> 5;
    if (version != 2) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VERSION, "version " + version);
    }
    if ((data[0] & FLAG_P) != 0) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE, "piggybacked message");
    }
    boolean t = (data[0] & FLAG_T) != 0;
    ByteBuffer b = ByteBuffer.wrap(data);
    int length = b.getShort(2) & 0xffff;
    if (4 + length > data.length) {
      throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
          "length field " + length + ", " + (data.length - 4) + " bytes follow");
    }
    if (4 + length != data.length || length < (t ? 8 : 4)) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
          "length field " + length + ", " + (data.length - 4) + " bytes follow");
    }
    long teid = t ? b.getInt(4) & 0xffffffffL : -1;
    int seqOff = t ? 8 : 4;
    int sequence = b.getInt(seqOff) >>> 8;
    int iesOff = seqOff + 4;
    return new GtpV2Message(data[1] & 0xff, teid, sequence,
        decodeIes(data, iesOff, data.length - iesOff));
  }

  /** @throws MalformedMessageException if an IE header or length overruns the bytes */
  public static List<GtpV2Ie> decodeIes(byte[] data, int off, int len)
      throws MalformedMessageException {
    List<GtpV2Ie> ies = new ArrayList<>();
    int pos = off;
    int end = off + len;
    while (pos < end) {
      if (end - pos < 4) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "IE header at offset " + pos + " has " + (end - pos) + " bytes");
      }
      int type = data[pos] & 0xff;
      int length = ((data[pos + 1] & 0xff) << 8) | (data[pos + 2] & 0xff);
      if (pos + 4 + length > end) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "IE " + type + " length " + length + " overruns the message");
      }
      byte[] v = new byte[length];
      System.arraycopy(data, pos + 4, v, 0, length);
      ies.add(new GtpV2Ie(type, data[pos + 3] & 0x0f, v));
      pos += 4 + length;
    }
    return ies;
  }

  /**
   * @param imsi 6 to 15 digits
   * @return the IMSI IE value in TBCD (TS 29.274 §8.3): two digits an octet, low nibble first,
   *     0xF filling an odd count
   */
  public static byte[] tbcd(String imsi) {
    if (!imsi.matches("[0-9]{6,15}")) {
      throw new IllegalArgumentException("IMSI '" + imsi + "' is not 6-15 digits");
    }
    byte[] out = new byte[(imsi.length() + 1) / 2];
    for (int i = 0; i < imsi.length(); i++) {
      int d = imsi.charAt(i) - '0';
      out[i / 2] |= (byte) ((i % 2 == 0) ? d : d << 4);
    }
    if (imsi.length() % 2 == 1) {
      out[out.length - 1] |= (byte) 0xf0;
    }
    return out;
  }

  /** @return the digits of a TBCD value @throws MalformedMessageException on a non-digit nibble */
  public static String digits(byte[] tbcd) throws MalformedMessageException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < tbcd.length; i++) {
      int lo = tbcd[i] & 0x0f;
      int hi = (tbcd[i] & 0xf0) >> 4;
      if (lo > 9) {
        throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE, "TBCD nibble " + lo);
      }
      sb.append(lo);
      if (hi == 0xf && i == tbcd.length - 1) {
        break;
      }
      if (hi > 9) {
        throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE, "TBCD nibble " + hi);
      }
      sb.append(hi);
    }
    if (sb.length() < 6) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE, "IMSI of " + sb.length()
          + " digits");
    }
    return sb.toString();
  }
}
