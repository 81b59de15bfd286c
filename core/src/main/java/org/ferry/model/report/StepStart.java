package org.ferry.model.report;

import java.util.Objects;
import java.time.Instant;

/**
 * A step that has begun and not yet ended: what a user watching a long step sees.
 *
 * @param step which step
 * @param subject what it acts on, or an empty string
 * @param start when it began
 * @param waitingFor what the step waits on, for a human ("the optical controller to bring
 *     temp-service x into service"), or an empty string for a step that does not wait
 */
public record StepStart(WorkflowStep step, String subject, Instant start, String waitingFor) {

  public StepStart {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(waitingFor, "waitingFor");
  }
}
