package org.ferry.run;

/** What a request to cancel a run ({@link RunService#cancel}) found. */
public enum CancelResult {
  /** It was queued; it is now ended CANCELLED, having done nothing. */
  CANCELLED,
  /** It is running; it stops before its next step that starts new work. */
  REQUESTED,
  /** It had ended already. */
  ALREADY_ENDED,
  /** No such run. */
  UNKNOWN
}
