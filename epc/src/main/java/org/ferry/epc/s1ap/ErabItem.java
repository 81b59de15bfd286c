package org.ferry.epc.s1ap;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One E-RAB of an Initial Context Setup: the bearer id and one end of its S1-U tunnel (the SGW's
 * in the request, the gNB's in the response), as in E-RABToBeSetupItemCtxtSUReq and
 * E-RABSetupItemCtxtSURes (TS 36.413 §9.1.4.1-2): e-RAB-ID, transportLayerAddress, gTP-TEID.
 * Encoded as ebi(1) ipv4(4) teid(4) udp-port(2); the port is not in the standard (always 2152
 * there) and is carried so that stand-ins on one loopback host can use ephemeral ports.
 *
 * @param erabId the E-RAB id (= EPS bearer id, 5 for the default bearer)
 * @param address the tunnel end's IPv4 address
 * @param teid the TEID that end receives on
 * @param port the tunnel end's UDP port (2152 in a real network)
 */
public record ErabItem(int erabId, Inet4Address address, long teid, int port) {
  private static final int LENGTH = 11;

  /** @return the IE value */
  public byte[] encode() {
    return ByteBuffer.allocate(LENGTH).put((byte) erabId).put(address.getAddress())
        .putInt((int) teid).putShort((short) port).array();
  }

  /** @throws MalformedMessageException if the value is not 11 bytes */
  public static ErabItem decode(byte[] v) throws MalformedMessageException {
    if (v.length != LENGTH) {
      throw new MalformedMessageException("S1AP", MalformedMessageException.Reason.BAD_LENGTH,
          "E-RAB item of " + v.length + " bytes, not " + LENGTH);
    }
    ByteBuffer b = ByteBuffer.wrap(v);
    byte[] a = new byte[4];
    int ebi = b.get() & 0xff;
    b.get(a);
    try {
      return new ErabItem(ebi, (Inet4Address) InetAddress.getByAddress(a),
          b.getInt() & 0xffffffffL, b.getShort() & 0xffff);
    } catch (UnknownHostException e) {
      throw new MalformedMessageException("S1AP", MalformedMessageException.Reason.BAD_VALUE,
          "transport layer address");
    }
  }
}
