package org.ferry.app.client;

/**
 * A request to {@code ferry server} that did not get the answer it wanted, with the message a
 * user reads (after "ferry: ") and the exit code the command ends with.
 */
public final class ApiException extends RuntimeException {

  /** The caller asked for something wrong: bad input, an unknown run, a refused token. */
  public static final int BAD_INPUT = 2;
  /** The server, or the way to it, failed. */
  public static final int SERVER_FAILURE = 1;

  private final int status;
  private final int exitCode;

  /**
   * @param status the HTTP status, or 0 if no answer came
   * @param exitCode {@link #BAD_INPUT} or {@link #SERVER_FAILURE}
   */
  public ApiException(int status, int exitCode, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.exitCode = exitCode;
  }

  /** The HTTP status, or 0 if the server was not reached or did not answer. */
  public int status() {
    return status;
  }

  public int exitCode() {
    return exitCode;
  }
}
