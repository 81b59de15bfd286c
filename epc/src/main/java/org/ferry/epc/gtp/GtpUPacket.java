package org.ferry.epc.gtp;

/**
 * A GTPv1-U message (TS 29.281 §5): version 1, PT 1, message type, TEID, the optional sequence
 * number, the payload after the header (the T-PDU of a G-PDU, the IEs of an Echo or Error
 * Indication).
 *
 * @param type {@link #ECHO_REQUEST} 1, {@link #ECHO_RESPONSE} 2, {@link #ERROR_INDICATION} 26,
 *     {@link #G_PDU} 255
 * @param teid the receiving end's TEID (0 for Echo and Error Indication)
 * @param sequence the sequence number, or -1 when the S flag is clear
 * @param payload what follows the header
 */
public record GtpUPacket(int type, long teid, int sequence, byte[] payload) {
  public static final int ECHO_REQUEST = 1;
  public static final int ECHO_RESPONSE = 2;
  public static final int ERROR_INDICATION = 26;
  public static final int G_PDU = 255;

  /** IE Recovery (TV, 1 octet), in Echo Response. */
  public static final int IE_RECOVERY = 14;
  /** IE Tunnel Endpoint Identifier Data I (TV, 4 octets), in Error Indication. */
  public static final int IE_TEID_DATA_I = 16;
  /** IE GTP-U Peer Address (TLV), in Error Indication. */
  public static final int IE_PEER_ADDRESS = 133;

  /** Copies the payload. */
  public GtpUPacket {
    payload = payload.clone();
  }

  /** @return the payload, a copy */
  @Override
  public byte[] payload() {
    return payload.clone();
  }

  /** @return a G-PDU carrying {@code tpdu} to {@code teid} */
  public static GtpUPacket gpdu(long teid, byte[] tpdu) {
    return new GtpUPacket(G_PDU, teid, -1, tpdu);
  }
}
