package org.ferry.epc.s1ap;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;

/** Encodes and decodes S1AP-shaped PDUs (the layout is in the package documentation). */
public final class S1apCodec {
  private static final String PROTOCOL = "S1AP";
  private static final int HEADER = 5;
  private static final int IE_HEADER = 5;
  /** Criticality "reject" (TS 36.413), used for every IE here. */
  private static final int REJECT = 0;

  private S1apCodec() {}

  /** @return {@code pdu} as bytes */
  public static byte[] encode(S1apPdu pdu) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(pdu.type().ordinal());
    out.write(pdu.procedureCode());
    out.write(REJECT);
    out.write(pdu.ies().size() >> 8);
    out.write(pdu.ies().size());
    for (S1apPdu.Ie ie : pdu.ies()) {
      byte[] v = ie.value();
      out.writeBytes(ByteBuffer.allocate(IE_HEADER).putShort((short) ie.id()).put((byte) REJECT)
          .putShort((short) v.length).array());
      out.writeBytes(v);
    }
    return out.toByteArray();
  }

  /**
   * @param data one PDU
   * @return the PDU
   * @throws MalformedMessageException if it is short, an IE overruns it, the IE count disagrees
   *     with the bytes, or the PDU type is unknown
   */
  public static S1apPdu decode(byte[] data) throws MalformedMessageException {
    if (data.length < HEADER) {
      throw new MalformedMessageException(PROTOCOL, Reason.SHORT, data.length + " bytes");
    }
    int type = data[0] & 0xff;
    if (type > 2) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE, "PDU type " + type);
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int count = b.getShort(3) & 0xffff;
    List<S1apPdu.Ie> ies = new ArrayList<>(Math.min(count, 64));
    int pos = HEADER;
    for (int i = 0; i < count; i++) {
      if (data.length - pos < IE_HEADER) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "IE " + (i + 1) + " of " + count + " starts past the end");
      }
      int id = b.getShort(pos) & 0xffff;
      int length = b.getShort(pos + 3) & 0xffff;
      if (pos + IE_HEADER + length > data.length) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "IE " + id + " length " + length + " overruns the PDU");
      }
      byte[] v = new byte[length];
      System.arraycopy(data, pos + IE_HEADER, v, 0, length);
      ies.add(new S1apPdu.Ie(id, v));
      pos += IE_HEADER + length;
    }
    if (pos != data.length) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
          (data.length - pos) + " bytes after the last of " + count + " IEs");
    }
    return new S1apPdu(S1apPdu.Type.values()[type], data[1] & 0xff, ies);
  }
}
