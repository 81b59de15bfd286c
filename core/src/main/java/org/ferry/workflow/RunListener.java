package org.ferry.workflow;

import org.ferry.model.report.StepRecord;

/** Follows a run as it goes: each step as it completes. */
@FunctionalInterface
public interface RunListener {

  /** Called on the run's thread when a step has ended. Must not block for long. */
  void onStep(StepRecord step);

  RunListener NONE = step -> {};
}
