package org.ferry.run;

/** Thrown by {@link RunService#submit} once the service drains: it takes no new runs. */
public final class DrainingException extends RuntimeException {
  DrainingException() {
    super("Ferry is shutting down and takes no new runs", null, false, false);
  }
}
