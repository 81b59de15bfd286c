package org.ferry.epc.nas;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;

/**
 * An EMM message: {@code 0x07 type (length value)*}.
 *
 * @param type the EMM message type
 * @param fields the fields in order, each at most 255 bytes
 */
public record NasMessage(int type, List<byte[]> fields) {
  /** EPS mobility management protocol discriminator, security header type 0 (plain). */
  public static final int EMM = 0x07;
  public static final int ATTACH_REQUEST = 0x41;
  public static final int ATTACH_ACCEPT = 0x42;
  public static final int ATTACH_COMPLETE = 0x43;
  public static final int ATTACH_REJECT = 0x44;
  public static final int AUTHENTICATION_REQUEST = 0x52;
  public static final int AUTHENTICATION_RESPONSE = 0x53;
  public static final int AUTHENTICATION_REJECT = 0x54;

  /** Copies the fields. */
  public NasMessage {
    fields = List.copyOf(fields);
  }

  /** @return a message of {@code type} with {@code fields} */
  public static NasMessage of(int type, byte[]... fields) {
    return new NasMessage(type, List.of(fields));
  }

  /** @return field {@code i} @throws MalformedMessageException if the message has fewer */
  public byte[] field(int i) throws MalformedMessageException {
    if (i >= fields.size()) {
      throw new MalformedMessageException("NAS", Reason.MISSING_ELEMENT,
          "message 0x" + Integer.toHexString(type) + " has " + fields.size() + " fields, wanted "
              + (i + 1));
    }
    return fields.get(i).clone();
  }

  /** @return the message as a NAS-PDU */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(EMM);
    out.write(type);
    for (byte[] f : fields) {
      if (f.length > 255) {
        throw new IllegalArgumentException("NAS field of " + f.length + " bytes");
      }
      out.write(f.length);
      out.writeBytes(f);
    }
    return out.toByteArray();
  }

  /** @throws MalformedMessageException if it is short, not EMM, or a field overruns it */
  public static NasMessage decode(byte[] pdu) throws MalformedMessageException {
    if (pdu.length < 2) {
      throw new MalformedMessageException("NAS", Reason.SHORT, pdu.length + " bytes");
    }
    if (pdu[0] != EMM) {
      throw new MalformedMessageException("NAS", Reason.BAD_VALUE,
          "protocol discriminator/security header 0x" + Integer.toHexString(pdu[0] & 0xff));
    }
    List<byte[]> fields = new ArrayList<>();
    int pos = 2;
    while (pos < pdu.length) {
      int len = pdu[pos] & 0xff;
      if (pos + 1 + len > pdu.length) {
        throw new MalformedMessageException("NAS", Reason.TRUNCATED,
            "field of " + len + " bytes overruns the message");
      }
      byte[] f = new byte[len];
      System.arraycopy(pdu, pos + 1, f, 0, len);
      fields.add(f);
      pos += 1 + len;
    }
    return new NasMessage(pdu[1] & 0xff, fields);
  }
}
