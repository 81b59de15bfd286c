package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ferry.app.report.SummaryTable;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.WorkflowStep;

/**
 * A run as {@code GET /api/v1/runs/{id}} describes it, read back into what the report printers
 * take: its steps as {@link StepRecord}s, its moves as {@link SummaryTable.Row}s. The moves stay
 * rows, not domain records: the wire leaves out parts of a VNF the table does not show.
 */
public record ServerRun(JsonNode json) {

  public String id() {
    return json.path("id").asText();
  }

  /** queued, running or ended. */
  public String status() {
    return json.path("status").asText();
  }

  public boolean ended() {
    return json.hasNonNull("outcome");
  }

  public RunReport.Kind kind() {
    return constant(RunReport.Kind.class, json.path("trigger").path("type").asText());
  }

  /** How it ended, if it has. */
  public Optional<RunReport.Outcome> outcome() {
    return ended() ? Optional.of(constant(RunReport.Outcome.class,
        json.path("outcome").asText())) : Optional.empty();
  }

  public String message() {
    return json.path("message").asText("");
  }

  /** When it began taking steps, or when it was queued if it has not. */
  public Instant origin() {
    return Instant.parse(json.hasNonNull("started") ? json.path("started").asText()
        : json.path("queued").asText());
  }

  public List<StepRecord> steps() {
    List<StepRecord> steps = new ArrayList<>();
    json.path("steps").forEach(s -> steps.add(step(s)));
    return steps;
  }

  /** The summary table's rows, one per move, figures as the table writes them. */
  public List<SummaryTable.Row> moves() {
    List<SummaryTable.Row> rows = new ArrayList<>();
    for (JsonNode m : json.path("moves")) {
      String approach = m.hasNonNull("approach") ? m.path("approach").asText()
          : m.path("prediction").path("approach").asText("-");
      rows.add(new SummaryTable.Row(m.path("kind").asText(), m.path("virtualization").asText(),
          approach, m.path("status").asText(),
          figure(m.path("migration_s"), "%.3f"), figure(m.path("downtime_s"), "%.3f"),
          figure(m.path("bytes_moved_mb"), "%.1f"),
          figure(m.path("ue_recovery").path("srt_s"), "%.3f"), sources(m)));
    }
    return rows;
  }

  /** A step of a run or of a step-ended event, as the timeline prints it. */
  public static StepRecord step(JsonNode s) {
    return new StepRecord(s.path("seq").asInt(), workflowStep(s.path("step").asText()),
        s.path("subject").asText(""), Instant.parse(s.path("start").asText()),
        Instant.parse(s.path("end").asText()),
        constant(StepRecord.Status.class, s.path("status").asText()), s.path("detail").asText(""));
  }

  private static WorkflowStep workflowStep(String name) {
    for (WorkflowStep step : WorkflowStep.values()) {
      if (step.displayName().equals(name)) {
        return step;
      }
    }
    throw new ApiException(0, ApiException.SERVER_FAILURE, "the server names a step this"
        + " ferry does not know: '" + name + "'; is it a newer version?", null);
  }

  /** "partially-relocated" is PARTIALLY_RELOCATED: the wire's names are the enums' dashed. */
  public static <E extends Enum<E>> E constant(Class<E> type, String wire) {
    try {
      return Enum.valueOf(type, wire.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new ApiException(0, ApiException.SERVER_FAILURE, "the server sent "
          + type.getSimpleName() + " '" + wire + "', which this ferry does not know", e);
    }
  }

  private static String figure(JsonNode figure, String format) {
    return figure.hasNonNull("value")
        ? String.format(Locale.ROOT, format, figure.path("value").asDouble()) : "-";
  }

  /**
   * The figures' sources: one word when they agree, as in a local run's table, else each
   * distinct one (the downtime can be measured where the migration time is simulated).
   */
  private static String sources(JsonNode move) {
    List<String> seen = new ArrayList<>();
    for (JsonNode f : List.of(move.path("migration_s"), move.path("downtime_s"),
        move.path("bytes_moved_mb"), move.path("ue_recovery").path("srt_s"))) {
      String source = f.path("source").asText("");
      if (!source.isEmpty() && !seen.contains(source)) {
        seen.add(source);
      }
    }
    return seen.isEmpty() ? "-" : String.join("/", seen);
  }
}
