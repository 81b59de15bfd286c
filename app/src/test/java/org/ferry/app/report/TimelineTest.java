package org.ferry.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
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

  @Test
  void aHeldTimelineSizesItsColumnsFromEveryStep() {
    StringWriter text = new StringWriter();
    Timeline timeline = Timeline.heldUntilFlushed(new PrintWriter(text));
    timeline.startAt(T0);
    timeline.onStep(new StepRecord(1, WorkflowStep.PLAN, "site-b", T0, T0,
        StepRecord.Status.OK, "move mme-1"));
    String longName = "ferry-run-20260101T000030-1-site-a";
    timeline.onStep(new StepRecord(2, WorkflowStep.TEMP_LIGHTPATH_SETUP, longName, T0,
        T0.plusSeconds(20), StepRecord.Status.OK, "in service"));
    assertThat(text.toString()).as("nothing before flush").isEmpty();
    timeline.flush();
    String[] lines = text.toString().split("\n");
    assertThat(lines).hasSize(2);
    assertThat(lines[0].indexOf("move mme-1")).isEqualTo(lines[1].indexOf("in service"));
    assertThat(lines[1]).contains(longName + "  ok");
  }

  @Test
  void onATerminalTheDetailWrapsUnderItsColumn() {
    StepRecord step = new StepRecord(1, WorkflowStep.MIGRATION, "mme-1", T0, T0.plusSeconds(1),
        StepRecord.Status.OK, "pre-copy ".repeat(30).trim());
    String[] lines = TimelineLines.of(List.of(step), T0, OptionalInt.of(100))
        .getFirst().split(System.lineSeparator());
    assertThat(lines.length).isGreaterThan(1);
    int detailColumn = lines[0].indexOf("pre-copy");
    for (String line : lines) {
      assertThat(line.length()).isLessThanOrEqualTo(100);
      assertThat(line.indexOf("pre-copy")).isEqualTo(detailColumn);
    }
  }
}
