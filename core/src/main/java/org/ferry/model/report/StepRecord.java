package org.ferry.model.report;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One step a workflow took.
 *
 * @param sequence 1 for the first step of a run, then 2, 3...
 * @param step which step
 * @param subject what it acted on (a lightpath, a VNF), or an empty string
 * @param start when it began
 * @param end when it ended
 * @param status how it ended
 * @param detail what happened, for a human
 */
public record StepRecord(
    int sequence,
    WorkflowStep step,
    String subject,
    Instant start,
    Instant end,
    Status status,
    String detail) {

  /** How a step ended. */
  public enum Status {
    OK,
    FAILED,
    SKIPPED;

    public String displayName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  public StepRecord {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
  }

  public Duration duration() {
    return Duration.between(start, end);
  }
}
