package org.ferry.epc.gtp;

import java.nio.ByteBuffer;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;

/** Encodes and decodes GTPv1-U (TS 29.281 §5.1, §5.2). */
public final class GtpUCodec {
  private static final String PROTOCOL = "GTPv1-U";
  private static final int HEADER = 8;
  private static final int FLAG_E = 0x04;
  private static final int FLAG_S = 0x02;
  private static final int FLAG_PN = 0x01;

  private GtpUCodec() {}

  /** @return {@code p} as one UDP payload; the S flag and 4 optional octets when it has a sequence */
  public static byte[] encode(GtpUPacket p) {
    byte[] payload = p.payload();
    boolean s = p.sequence() >= 0;
    int optional = s ? 4 : 0;
    ByteBuffer b = ByteBuffer.allocate(HEADER + optional + payload.length);
    b.put((byte) (0x20 | 0x10 | (s ? FLAG_S : 0))).put((byte) p.type())
        .putShort((short) (optional + payload.length)).putInt((int) p.teid());
    if (s) {
      b.putShort((short) p.sequence()).put((byte) 0).put((byte) 0);
    }
    b.put(payload);
    return b.array();
  }

  /**
   * @param data one UDP payload
   * @return the message, extension headers skipped
   * @throws MalformedMessageException if it is short, not version 1 with PT 1, or its length
   *     field or an extension header disagrees with the bytes
   */
  public static GtpUPacket decode(byte[] data, int length) throws MalformedMessageException {
    if (length < HEADER) {
      throw new MalformedMessageException(PROTOCOL, Reason.SHORT, length + " bytes");
    }
    int flags = data[0] & 0xff;
    if ((flags >> 5) != 1 || (flags & 0x10) == 0) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VERSION,
          "version " + (flags >> 5) + ", PT " + ((flags >> 4) & 1));
    }
    ByteBuffer b = ByteBuffer.wrap(data, 0, length);
    int declared = b.getShort(2) & 0xffff;
    if (HEADER + declared > length) {
      throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
          "length field " + declared + ", " + (length - HEADER) + " bytes follow the header");
    }
    if (HEADER + declared != length) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
          "length field " + declared + ", " + (length - HEADER) + " bytes follow the header");
    }
    long teid = b.getInt(4) & 0xffffffffL;
    int pos = HEADER;
    int sequence = -1;
    if ((flags & (FLAG_E | FLAG_S | FLAG_PN)) != 0) {
      if (declared < 4) {
        throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
            "optional fields flagged but length " + declared);
      }
      if ((flags & FLAG_S) != 0) {
        sequence = b.getShort(pos) & 0xffff;
      }
      int next = data[pos + 3] & 0xff;
      pos += 4;
      while ((flags & FLAG_E) != 0 && next != 0) {
        if (pos >= length) {
          throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED, "extension header");
        }
        int units = data[pos] & 0xff;
        if (units == 0 || pos + units * 4 > length) {
          throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
              "extension header of " + units + " units");
        }
        next = data[pos + units * 4 - 1] & 0xff;
        pos += units * 4;
      }
    }
    byte[] payload = new byte[length - pos];
    System.arraycopy(data, pos, payload, 0, payload.length);
    return new GtpUPacket(data[1] & 0xff, teid, sequence, payload);
  }

  /** @return {@link #decode(byte[], int)} of the whole array */
  public static GtpUPacket decode(byte[] data) throws MalformedMessageException {
    return decode(data, data.length);
  }
}
