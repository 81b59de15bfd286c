package org.ferry.persistence;

/**
 * The run database cannot be used: it cannot be reached, refuses the credentials, holds a schema
 * newer than this Ferry, or failed a statement. The message names the database (its URL without
 * any password) and the cause.
 */
public final class RunDatabaseException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RunDatabaseException(String message, Throwable cause) {
    super(message, cause);
  }

  public RunDatabaseException(String message) {
    super(message);
  }
}
