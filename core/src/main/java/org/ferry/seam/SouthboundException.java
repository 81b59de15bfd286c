package org.ferry.seam;

/**
 * A call to an outside system (optical controller, VIM, packet controller) failed. The message
 * names the peer and quotes what it answered.
 */
public class SouthboundException extends RuntimeException {

  private final String peer;
  private final boolean retriable;

  /**
   * @param peer who was called, e.g. "TransportPCE at http://10.0.0.5:8181"
   * @param message what went wrong, quoting the peer where it said something
   * @param retriable true for transient faults (time-outs, 5xx, connection refused) that may pass
   *     if retried; false when the peer rejected the request and a retry would be rejected again
   * @param cause the underlying error, or null
   */
  public SouthboundException(String peer, String message, boolean retriable, Throwable cause) {
    super(peer + ": " + message, cause);
    this.peer = peer;
    this.retriable = retriable;
  }

  public SouthboundException(String peer, String message, boolean retriable) {
    this(peer, message, retriable, null);
  }

  public String peer() {
    return peer;
  }

  /** Whether the same call may succeed if tried again. */
  public boolean retriable() {
    return retriable;
  }
}
