package org.ferry.optical.emulator;

/**
 * A request the emulator refuses at the protocol level, rendered as an RFC 8040 error body
 * ({@code {"errors":{"error":[{"error-type","error-tag","error-message"}]}}}) with its HTTP status.
 * Business errors are not these: TransportPCE answers them with HTTP 200 and a response code.
 */
public final class RestconfException extends RuntimeException {

  private final int status;
  private final String errorType;
  private final String errorTag;

  public RestconfException(int status, String errorType, String errorTag, String message) {
    super(message, null, false, false);
    this.status = status;
    this.errorType = errorType;
    this.errorTag = errorTag;
  }

  /** The data asked for does not exist: 409 data-missing, as OpenDaylight answers. */
  public static RestconfException dataMissing() {
    return new RestconfException(409, "protocol", "data-missing",
        "Request could not be completed because the relevant data model content does not exist");
  }

  /** A malformed body or a value of the wrong type: 400. */
  public static RestconfException badRequest(String tag, String message) {
    return new RestconfException(400, "protocol", tag, message);
  }

  public int status() {
    return status;
  }

  public String errorType() {
    return errorType;
  }

  public String errorTag() {
    return errorTag;
  }
}
