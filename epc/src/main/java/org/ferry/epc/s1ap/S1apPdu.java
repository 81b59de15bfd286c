package org.ferry.epc.s1ap;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import org.ferry.epc.wire.MalformedMessageException;

/**
 * One S1AP PDU.
 *
 * @param type initiating, successful or unsuccessful outcome
 * @param procedureCode the TS 36.413 procedure code
 * @param ies the protocol IEs in order
 */
public record S1apPdu(Type type, int procedureCode, List<Ie> ies) {

  /** The three kinds of S1AP-PDU (TS 36.413 §9.3). */
  public enum Type { INITIATING, SUCCESSFUL, UNSUCCESSFUL }

  /** Procedure codes (TS 36.413 §9.3.7 ProcedureCode). */
  public static final int INITIAL_CONTEXT_SETUP = 9;
  public static final int DOWNLINK_NAS_TRANSPORT = 11;
  public static final int INITIAL_UE_MESSAGE = 12;
  public static final int UPLINK_NAS_TRANSPORT = 13;
  public static final int ERROR_INDICATION = 15;
  public static final int S1_SETUP = 17;
  public static final int UE_CONTEXT_RELEASE = 23;

  /** IE ids (TS 36.413 §9.3.7 ProtocolIE-ID). */
  public static final int IE_MME_UE_S1AP_ID = 0;
  public static final int IE_CAUSE = 2;
  public static final int IE_ENB_UE_S1AP_ID = 8;
  public static final int IE_E_RAB_TO_BE_SETUP_LIST_CTXT_SU_REQ = 24;
  public static final int IE_NAS_PDU = 26;
  public static final int IE_E_RAB_SETUP_LIST_CTXT_SU_RES = 51;
  public static final int IE_GLOBAL_ENB_ID = 59;
  public static final int IE_ENB_NAME = 60;
  public static final int IE_MME_NAME = 61;
  public static final int IE_TAI = 67;
  public static final int IE_SECURITY_KEY = 73;
  public static final int IE_EUTRAN_CGI = 100;

  /**
   * One protocol IE.
   *
   * @param id the ProtocolIE-ID
   * @param value the encoded value
   */
  public record Ie(int id, byte[] value) {
    /** Copies the value. */
    public Ie {
      value = value.clone();
    }

    /** @return a 4-byte unsigned IE (S1AP ids) */
    public static Ie u32(int id, long v) {
      return new Ie(id, ByteBuffer.allocate(4).putInt((int) v).array());
    }

    /** @return the value, a copy */
    @Override
    public byte[] value() {
      return value.clone();
    }

    /** @return the value as a 4-byte unsigned @throws MalformedMessageException otherwise */
    public long u32() throws MalformedMessageException {
      if (value.length != 4) {
        throw new MalformedMessageException("S1AP", MalformedMessageException.Reason.BAD_LENGTH,
            "IE " + id + " should hold 4 bytes, holds " + value.length);
      }
      return ByteBuffer.wrap(value).getInt() & 0xffffffffL;
    }
  }

  /** Copies the IE list. */
  public S1apPdu {
    ies = List.copyOf(ies);
  }

  /** @return the first IE with {@code id} */
  public Optional<Ie> ie(int id) {
    return ies.stream().filter(i -> i.id() == id).findFirst();
  }

  /** @return the first IE with {@code id} @throws MalformedMessageException if absent */
  public Ie require(int id) throws MalformedMessageException {
    return ie(id).orElseThrow(() -> new MalformedMessageException("S1AP",
        MalformedMessageException.Reason.MISSING_ELEMENT,
        type + " procedure " + procedureCode + " lacks IE " + id));
  }
}
