package org.ferry.epc.diameter;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.ferry.epc.wire.MalformedMessageException;
import org.ferry.epc.wire.MalformedMessageException.Reason;

/** Encodes and decodes Diameter messages and AVPs (RFC 6733 §3, §4). */
public final class DiameterCodec {
  private static final String PROTOCOL = "Diameter";
  /** The fixed header. */
  public static final int HEADER = 20;
  /** Largest message the stand-ins accept; S6a messages are a few hundred bytes. */
  public static final int MAX_MESSAGE = 64 * 1024;

  private DiameterCodec() {}

  /** @return {@code m} as bytes */
  public static byte[] encode(DiameterMessage m) {
    byte[] avps = encodeAvps(m.avps());
    ByteBuffer b = ByteBuffer.allocate(HEADER + avps.length);
    b.putInt((1 << 24) | (HEADER + avps.length));
    b.putInt((m.flags() << 24) | m.commandCode());
    b.putInt((int) m.applicationId()).putInt(m.hopByHop()).putInt(m.endToEnd());
    b.put(avps);
    return b.array();
  }

  /** @return the AVPs, each padded to 4 bytes */
  public static byte[] encodeAvps(List<Avp> avps) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Avp a : avps) {
      byte[] data = a.data();
      int header = a.vendorId() != 0 ? 12 : 8;
      int length = header + data.length;
      ByteBuffer b = ByteBuffer.allocate((length + 3) & ~3);
      b.putInt(a.code()).putInt((a.flags() << 24) | length);
      if (a.vendorId() != 0) {
        b.putInt((int) a.vendorId());
      }
      b.put(data);
      out.writeBytes(b.array());
    }
    return out.toByteArray();
  }

  /**
   * Checks the first 4 bytes of a message read from a stream and returns its whole length.
   *
   * @param header at least 4 bytes
   * @return the message length from the header
   * @throws MalformedMessageException if the version is not 1 or the length is impossible; the
   *     stream cannot be resynchronised after this
   */
  public static int frameLength(byte[] header) throws MalformedMessageException {
    int version = header[0] & 0xff;
    if (version != 1) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_VERSION, "version " + version);
    }
    int length = ((header[1] & 0xff) << 16) | ((header[2] & 0xff) << 8) | (header[3] & 0xff);
    if (length < HEADER || length > MAX_MESSAGE || (length & 3) != 0) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH, "message length " + length);
    }
    return length;
  }

  /**
   * @param data one whole message
   * @return the message
   * @throws MalformedMessageException if it is short, truncated, has a wrong length field or an
   *     AVP that overruns the message
   */
  public static DiameterMessage decode(byte[] data) throws MalformedMessageException {
    if (data.length < HEADER) {
      throw new MalformedMessageException(PROTOCOL, Reason.SHORT, data.length + " bytes");
    }
    int length = frameLength(data);
    if (length > data.length) {
      throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
          "length field " + length + ", " + data.length + " bytes");
    }
    if (length < data.length) {
      throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
          "length field " + length + ", " + data.length + " bytes");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int flagsAndCode = b.getInt(4);
    return new DiameterMessage(
        (flagsAndCode >>> 24) & 0xf0, flagsAndCode & 0xffffff, b.getInt(8) & 0xffffffffL,
        b.getInt(12), b.getInt(16), decodeAvps(data, HEADER, length - HEADER));
  }

  /**
   * @return the AVPs in {@code len} bytes from {@code off}
   * @throws MalformedMessageException if an AVP header or length overruns the bytes
   */
  public static List<Avp> decodeAvps(byte[] data, int off, int len) throws MalformedMessageException {
    List<Avp> avps = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(data);
    int pos = off;
    int end = off + len;
    while (pos < end) {
      if (end - pos < 8) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "AVP header at offset " + pos + " has " + (end - pos) + " bytes");
      }
      int code = b.getInt(pos);
      int flagsAndLength = b.getInt(pos + 4);
      int flags = (flagsAndLength >>> 24) & 0xe0;
      int length = flagsAndLength & 0xffffff;
      boolean vendor = (flags & Avp.FLAG_V) != 0;
      int header = vendor ? 12 : 8;
      if (length < header) {
        throw new MalformedMessageException(PROTOCOL, Reason.BAD_LENGTH,
            "AVP " + code + " length " + length);
      }
      if (pos + length > end) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "AVP " + code + " length " + length + " overruns the message");
      }
      long vendorId = vendor ? b.getInt(pos + 8) & 0xffffffffL : 0;
      if (vendor && vendorId == 0) {
        throw new MalformedMessageException(PROTOCOL, Reason.BAD_VALUE,
            "AVP " + code + " has the V flag and vendor 0");
      }
      byte[] value = new byte[length - header];
      System.arraycopy(data, pos + header, value, 0, value.length);
      avps.add(new Avp(code, flags, vendorId, value));
      int padded = (length + 3) & ~3;
      if (pos + padded > end) {
        throw new MalformedMessageException(PROTOCOL, Reason.TRUNCATED,
            "AVP " + code + " padding overruns the message");
      }
      pos += padded;
    }
    return avps;
  }
}
