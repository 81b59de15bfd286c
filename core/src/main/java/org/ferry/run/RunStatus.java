package org.ferry.run;

/** Where a run is in its life; how it ended is its report's outcome. */
public enum RunStatus {
  /** Accepted, waiting for a run that holds one of its VNFs, sites or lightpaths to end. */
  QUEUED,
  /** Taking its steps. */
  RUNNING,
  /** Over, with a report (cancelled before it began included). */
  ENDED
}
