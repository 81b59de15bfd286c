package org.ferry.workflow;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * What a workflow run gets from whoever runs it: its id, who follows it, and whether it has been
 * asked to stop.
 *
 * @param runId the run's id; it also names the run's temporary lightpaths and steering rules
 * @param listener told of every step and move as it happens
 * @param cancelRequested true once the run should stop: it stops before its next step that would
 *     start new work (planning, a lightpath, steering, a migration), releases what it holds and
 *     ends CANCELLED. A migration under way is not interrupted.
 */
public record RunContext(String runId, RunListener listener, BooleanSupplier cancelRequested) {

  public RunContext {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(cancelRequested, "cancelRequested");
  }

  /** A run nobody cancels. */
  public static RunContext of(String runId, RunListener listener) {
    return new RunContext(runId, listener, () -> false);
  }
}
