package org.ferry.epc.gtp;

import java.util.List;
import java.util.Optional;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * A GTPv2-C message (TS 29.274 §5): version 2, the T flag when a TEID is present, message type,
 * TEID, 24-bit sequence number, IEs.
 *
 * @param type message type (Echo 1/2, Create Session 32/33, Modify Bearer 34/35, Delete Session
 *     36/37)
 * @param teid the receiver's control TEID, or -1 for a message without one (Echo)
 * @param sequence 24-bit sequence number matching a response to its request
 * @param ies the IEs in order
 */
public record GtpV2Message(int type, long teid, int sequence, List<GtpV2Ie> ies) {
  public static final int ECHO_REQUEST = 1;
  public static final int ECHO_RESPONSE = 2;
  public static final int CREATE_SESSION_REQUEST = 32;
  public static final int CREATE_SESSION_RESPONSE = 33;
  public static final int MODIFY_BEARER_REQUEST = 34;
  public static final int MODIFY_BEARER_RESPONSE = 35;
  public static final int DELETE_SESSION_REQUEST = 36;
  public static final int DELETE_SESSION_RESPONSE = 37;

  /** Cause "Request accepted". */
  public static final int CAUSE_ACCEPTED = 16;
  /** Cause "Context Not Found". */
  public static final int CAUSE_CONTEXT_NOT_FOUND = 64;
  /** Cause "Mandatory IE missing". */
  public static final int CAUSE_MANDATORY_IE_MISSING = 70;
  /** Cause "No resources available". */
  public static final int CAUSE_NO_RESOURCES = 73;

  /** Copies the IEs and checks the sequence fits 24 bits. */
  public GtpV2Message {
    ies = List.copyOf(ies);
    if (sequence < 0 || sequence > 0xffffff) {
      throw new IllegalArgumentException("sequence " + sequence + " is not 24-bit");
    }
  }

  /** @return the first IE of {@code type} and {@code instance} */
  public Optional<GtpV2Ie> ie(int type, int instance) {
    return find(ies, type, instance);
  }

  /** @return the first IE of {@code type} and {@code instance} @throws MalformedMessageException if absent */
  public GtpV2Ie require(int type, int instance) throws MalformedMessageException {
    return require(ies, type, instance, "message " + this.type);
  }

  /** @return the first of {@code ies} of {@code type} and {@code instance} */
  public static Optional<GtpV2Ie> find(List<GtpV2Ie> ies, int type, int instance) {
    return ies.stream().filter(i -> i.type() == type && i.instance() == instance).findFirst();
  }

  /** @throws MalformedMessageException naming {@code where} if there is no such IE */
  public static GtpV2Ie require(List<GtpV2Ie> ies, int type, int instance, String where)
      throws MalformedMessageException {
    return find(ies, type, instance).orElseThrow(() -> new MalformedMessageException("GTPv2-C",
        MalformedMessageException.Reason.MISSING_ELEMENT,
        where + " lacks IE " + type + " instance " + instance));
  }
}
