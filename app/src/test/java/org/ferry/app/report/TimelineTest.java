package org.ferry.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.report.WorkflowStep;
import org.junit.jupiter.api.Test;

class TimelineTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aStepThatWaitsLongerThanASecondSaysWhatItWaitsFor() throws InterruptedException {
    StringWriter text = new StringWriter();
    Timeline timeline = new Timeline(new PrintWriter(text));
    timeline.startAt(T0);

    timeline.onStepStarted(new StepStart(WorkflowStep.TEMP_LIGHTPATH_SETUP, "ferry-run-1-site-a",
        T0, "the optical controller to bring ferry-run-1-site-a into service"));
    Thread.sleep(Timeline.QUIET.toMillis() + 400);
    timeline.onStep(new StepRecord(1, WorkflowStep.TEMP_LIGHTPATH_SETUP, "ferry-run-1-site-a",
        T0, T0.plusSeconds(2), StepRecord.Status.OK, "in service"));

    String[] lines = text.toString().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0]).contains("temp-lightpath-setup ferry-run-1-site-a: waiting 1 s for the"
        + " optical controller to bring ferry-run-1-site-a into service");
    assertThat(lines[1]).contains("+    2.000 s").contains("in service");
  }

  @Test
  void aStepThatEndsQuicklyPrintsOnlyItsLine() {
    StringWriter text = new StringWriter();
    Timeline timeline = new Timeline(new PrintWriter(text));
    timeline.startAt(T0);

    timeline.onStepStarted(new StepStart(WorkflowStep.MIGRATION, "mme-1", T0, "qemu to move"));
    timeline.onStep(new StepRecord(1, WorkflowStep.MIGRATION, "mme-1", T0, T0.plusSeconds(40),
        StepRecord.Status.OK, "pre-copy"));

    assertThat(text.toString()).doesNotContain("waiting").contains("pre-copy");
  }
}
