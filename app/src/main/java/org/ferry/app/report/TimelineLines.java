package org.ferry.app.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.WorkflowStep;
import org.ferry.model.unit.Durations;

/**
 * The timeline's line of a step: {@code  +   21.345 s  migration  spgw-1  ok  detail}. The step
 * column is as wide as the longest step name; the subject column as wide as the caller says
 * (the longest subject of the steps shown, a lightpath's name being the usual one); on a terminal
 * the detail wraps at its width under its own column, so that no line runs past the screen.
 */
public final class TimelineLines {

  /** The subject width when nothing is known of the subjects. */
  public static final int DEFAULT_SUBJECT_WIDTH = 22;
  /** Below this many columns left for the detail, wrapping would help nobody: it stays whole. */
  static final int NARROWEST_DETAIL = 30;

  private static final int STEP_WIDTH = Arrays.stream(WorkflowStep.values())
      .mapToInt(s -> s.displayName().length()).max().orElse(0);
  private static final int STATUS_WIDTH = Arrays.stream(StepRecord.Status.values())
      .mapToInt(s -> s.displayName().length()).max().orElse(0);

  private TimelineLines() {}

  /**
   * The lines of a whole run's steps, the subject column sized from them.
   *
   * @param columns the terminal's width, if the lines go to one
   */
  public static List<String> of(List<StepRecord> steps, Instant origin, OptionalInt columns) {
    int width = steps.stream().mapToInt(s -> s.subject().length()).max().orElse(0);
    List<String> lines = new ArrayList<>();
    steps.forEach(step -> lines.add(line(step, origin, width, columns)));
    return lines;
  }

  /**
   * One step's line (more than one if the detail wraps).
   *
   * @param subjectWidth the subject column's width; a longer subject widens this line only
   * @param columns the terminal's width, if the line goes to one
   */
  public static String line(StepRecord step, Instant origin, int subjectWidth,
      OptionalInt columns) {
    String head = String.format(Locale.ROOT, "  +%9.3f s  %-" + STEP_WIDTH + "s  %-"
        + Math.max(1, subjectWidth) + "s  %-" + STATUS_WIDTH + "s  ",
        Durations.seconds(Duration.between(origin, step.end())), step.step().displayName(),
        step.subject(), step.status().displayName());
    int room = columns.orElse(Integer.MAX_VALUE) - head.length();
    if (room < NARROWEST_DETAIL) {
      return head + step.detail();
    }
    return head + wrap(step.detail(), room, " ".repeat(head.length()));
  }

  /** {@code text} broken at spaces into lines of at most {@code room}, after the first indented. */
  static String wrap(String text, int room, String indent) {
    StringBuilder out = new StringBuilder();
    int lineLength = 0;
    for (String word : text.split(" ")) {
      if (lineLength > 0 && lineLength + 1 + word.length() > room) {
        out.append(System.lineSeparator()).append(indent);
        lineLength = 0;
      } else if (lineLength > 0) {
        out.append(' ');
        lineLength++;
      }
      out.append(word);
      lineLength += word.length();
    }
    return out.toString();
  }
}
