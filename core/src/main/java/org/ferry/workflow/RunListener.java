package org.ferry.workflow;

import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;

/**
 * Follows a run as it goes. Called on the run's thread; a listener must not block for long, and
 * one that throws does not stop the run (the recorder logs and goes on).
 */
@FunctionalInterface
public interface RunListener {

  /** A step has ended. */
  void onStep(StepRecord step);

  /** A step has begun; {@link StepStart#waitingFor()} says what a waiting step waits on. */
  default void onStepStarted(StepStart step) {}

  /** A VNF's move has ended, successfully or not. */
  default void onMove(MoveRecord move) {}

  RunListener NONE = step -> {};
}
