package org.ferry.epc.diameter;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * A Diameter message (RFC 6733 §3): flags R 0x80 (request), P 0x40 (proxiable), E 0x20 (error),
 * T 0x10 (retransmitted), the 24-bit command code, Application-Id, hop-by-hop and end-to-end
 * identifiers, and the AVPs in order.
 *
 * @param flags R/P/E/T
 * @param commandCode e.g. 318 Authentication-Information, 316 Update-Location
 * @param applicationId 0 for base commands, 16777251 for S6a
 * @param hopByHop matches an answer to its request on one connection
 * @param endToEnd detects duplicates end to end
 * @param avps the AVPs
 */
public record DiameterMessage(
    int flags, int commandCode, long applicationId, int hopByHop, int endToEnd, List<Avp> avps) {
  /** Request bit. */
  public static final int FLAG_R = 0x80;
  /** Proxiable bit. */
  public static final int FLAG_P = 0x40;
  /** Error bit. */
  public static final int FLAG_E = 0x20;
  /** Retransmitted bit. */
  public static final int FLAG_T = 0x10;

  /** Copies the AVP list. */
  public DiameterMessage {
    avps = List.copyOf(avps);
    if (commandCode < 0 || commandCode > 0xffffff) {
      throw new IllegalArgumentException("command code " + commandCode + " is not 24-bit");
    }
  }

  /** @return whether this is a request (R set) */
  public boolean isRequest() {
    return (flags & FLAG_R) != 0;
  }

  /** @return the first top-level AVP with this IETF or 3GPP code */
  public Optional<Avp> avp(int code) {
    return avps.stream().filter(a -> a.code() == code).findFirst();
  }

  /** @return the first top-level AVP with this code @throws MalformedMessageException if absent */
  public Avp require(int code) throws MalformedMessageException {
    return avp(code).orElseThrow(() -> new MalformedMessageException("Diameter",
        MalformedMessageException.Reason.MISSING_ELEMENT,
        "command " + commandCode + " lacks AVP " + code));
  }

  /**
   * @param resultAvps the answer's AVPs (Session-Id first, as RFC 6733 §8.8 wants)
   * @return the answer to this request: same command, application and identifiers, R cleared
   */
  public DiameterMessage answer(List<Avp> resultAvps) {
    return new DiameterMessage(flags & FLAG_P, commandCode, applicationId, hopByHop, endToEnd,
        new ArrayList<>(resultAvps));
  }
}
