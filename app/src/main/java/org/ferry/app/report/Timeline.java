package org.ferry.app.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import org.ferry.model.report.StepRecord;
import org.ferry.model.unit.Durations;
import org.ferry.workflow.RunListener;

/**
 * Prints each step of a run as it ends, one line each, with its time since the run began: the
 * progress a user watches, and the timeline they read afterwards.
 */
public final class Timeline implements RunListener {

  private final PrintWriter out;
  private Instant origin;

  public Timeline(PrintWriter out) {
    this.out = out;
  }

  /** Sets the instant that times are shown relative to (the fault, or the request). */
  public void startAt(Instant instant) {
    origin = instant;
  }

  @Override
  public void onStep(StepRecord step) {
    if (origin == null) {
      origin = step.start();
    }
    out.println(line(step, origin));
    out.flush();
  }

  /** {@code  +   21.345 s  migration               spgw-1        ok      detail}. */
  public static String line(StepRecord step, Instant origin) {
    return String.format("  +%9.3f s  %-23s %-22s %-7s %s",
        Durations.seconds(Duration.between(origin, step.end())),
        step.step().displayName(), step.subject(), step.status().displayName(), step.detail());
  }
}
