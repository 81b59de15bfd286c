package org.ferry.epc.wire;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;

/**
 * An IPv4 (RFC 791) datagram carrying UDP (RFC 768): what a UE puts inside a G-PDU. Built and
 * parsed with real headers and checksums, since Java has no raw sockets to let the kernel do it.
 *
 * @param source the UE's (uplink) or the Internet host's (downlink) address
 * @param sourcePort UDP source port
 * @param destination where the datagram goes
 * @param destinationPort UDP destination port
 * @param payload the UDP payload
 */
public record Ipv4Udp(
    Inet4Address source, int sourcePort, Inet4Address destination, int destinationPort,
    byte[] payload) {

  private static final String PROTOCOL = "IPv4/UDP";
  /** IPv4 header without options plus the UDP header. */
  public static final int HEADERS = 20 + 8;
  private static final int UDP = 17;

  /** @return the datagram as bytes, both checksums filled in */
  public byte[] encode() {
    int total = HEADERS + payload.length;
    ByteBuffer b = ByteBuffer.allocate(total);
    b.put((byte) 0x45).put((byte) 0).putShort((short) total);
    b.putShort((short) 0).putShort((short) 0x4000); // id 0, DF
    b.put((byte) 64).put((byte) UDP).putShort((short) 0);
    b.put(source.getAddress()).put(destination.getAddress());
    b.putShort(10, (short) checksum(b.array(), 0, 20, 0));
    b.putShort((short) sourcePort).putShort((short) destinationPort);
    b.putShort((short) (8 + payload.length)).putShort((short) 0);
    b.put(payload);
    int udpSum = checksum(b.array(), 20, 8 + payload.length, pseudoHeaderSum(8 + payload.length));
    b.putShort(26, (short) (udpSum == 0 ? 0xffff : udpSum));
    return b.array();
  }

  private int pseudoHeaderSum(int udpLength) {
    byte[] s = source.getAddress();
    byte[] d = destination.getAddress();
    long sum = 0;
    for (int i = 0; i < 4; i += 2) {
      sum += ((s[i] & 0xff) << 8) | (s[i + 1] & 0xff);
      sum += ((d[i] & 0xff) << 8) | (d[i + 1] & 0xff);
    }
    return (int) (sum + UDP + udpLength);
  }

  /** The Internet checksum (RFC 1071) of {@code len} bytes from {@code off}, plus {@code initial}. */
  static int checksum(byte[] data, int off, int len, long initial) {
    long sum = initial;
    for (int i = 0; i + 1 < len; i += 2) {
      sum += ((data[off + i] & 0xff) << 8) | (data[off + i + 1] & 0xff);
    }
    if ((len & 1) == 1) {
      sum += (data[off + len - 1] & 0xff) << 8;
    }
    while ((sum >> 16) != 0) {
      sum = (sum & 0xffff) + (sum >> 16);
    }
    return (int) (~sum & 0xffff);
  }

  /**
   * @param data a whole IPv4 datagram
   * @return the UDP datagram inside it
   * @throws MalformedMessageException if it is not IPv4, not UDP, a length disagrees or a
   *     checksum is wrong
   */
  public static Ipv4Udp decode(byte[] data) throws MalformedMessageException {
    if (data.length < HEADERS) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.SHORT,
          data.length + " bytes, fewer than the " + HEADERS + " of the headers");
    }
    int version = (data[0] & 0xf0) >> 4;
    int ihl = (data[0] & 0x0f) * 4;
    if (version != 4) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_VERSION,
          "IP version " + version);
    }
    int total = ((data[2] & 0xff) << 8) | (data[3] & 0xff);
    if (ihl < 20 || total != data.length || total < ihl + 8) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_LENGTH,
          "header length " + ihl + ", total length " + total + ", " + data.length + " bytes");
    }
    if (checksum(data, 0, ihl, 0) != 0) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_VALUE,
          "IPv4 header checksum");
    }
    if ((data[9] & 0xff) != UDP) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_VALUE,
          "IP protocol " + (data[9] & 0xff) + ", not UDP");
    }
    ByteBuffer b = ByteBuffer.wrap(data);
    int udpLength = b.getShort(ihl + 4) & 0xffff;
    if (udpLength != total - ihl) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_LENGTH,
          "UDP length " + udpLength + " in " + (total - ihl) + " bytes");
    }
    Ipv4Udp p;
    try {
      byte[] payload = new byte[udpLength - 8];
      System.arraycopy(data, ihl + 8, payload, 0, payload.length);
      p = new Ipv4Udp(
          address(data, 12), b.getShort(ihl) & 0xffff,
          address(data, 16), b.getShort(ihl + 2) & 0xffff, payload);
    } catch (UnknownHostException e) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_VALUE,
          "address");
    }
    if ((b.getShort(ihl + 6) & 0xffff) != 0
        && checksum(data, ihl, udpLength, p.pseudoHeaderSum(udpLength)) != 0) {
      throw new MalformedMessageException(PROTOCOL, MalformedMessageException.Reason.BAD_VALUE,
          "UDP checksum");
    }
    return p;
  }

  private static Inet4Address address(byte[] data, int off) throws UnknownHostException {
    byte[] a = new byte[4];
    System.arraycopy(data, off, a, 0, 4);
    return (Inet4Address) InetAddress.getByAddress(a);
  }
}
