package org.ferry.workflow;

/** Thrown inside a run at its next cancellable step once a cancel was requested. */
final class RunCancelledException extends RuntimeException {

  RunCancelledException(String message) {
    super(message, null, false, false);
  }
}
