package org.ferry.epc.wire;

/**
 * Input that does not parse as the protocol says: too short, truncated, a length field that
 * disagrees with the bytes, a wrong version. Servers count it, log one line and drop the message;
 * it never reaches a function's state.
 */
public final class MalformedMessageException extends Exception {

  /** Why the input was rejected. */
  public enum Reason {
    /** Fewer bytes than the fixed header. */
    SHORT,
    /** A length field promises more bytes than there are. */
    TRUNCATED,
    /** A length field is impossible (too small, not matching the bytes, misaligned). */
    BAD_LENGTH,
    /** The version field is not the one this codec speaks. */
    BAD_VERSION,
    /** A field holds a value the protocol does not allow here. */
    BAD_VALUE,
    /** A mandatory element is missing. */
    MISSING_ELEMENT
  }

  private final String protocol;
  private final Reason reason;

  /**
   * @param protocol the protocol whose decoder rejected the input, e.g. "Diameter"
   * @param reason why
   * @param detail what exactly, for the log line
   */
  public MalformedMessageException(String protocol, Reason reason, String detail) {
    super(protocol + " " + reason + ": " + detail, null, false, false);
    this.protocol = protocol;
    this.reason = reason;
  }

  /** @return the protocol whose decoder rejected the input */
  public String protocol() {
    return protocol;
  }

  /** @return why the input was rejected */
  public Reason reason() {
    return reason;
  }
}
