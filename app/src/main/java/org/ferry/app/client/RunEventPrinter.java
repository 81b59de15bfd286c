package org.ferry.app.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.ferry.app.report.Timeline;
import org.ferry.model.report.RunReport;
import org.ferry.model.unit.Durations;

/**
 * Prints the events of {@code ferry server}'s run streams as lines a user follows: steps ending
 * in the timeline's layout ({@link Timeline#line}), with times since their run began.
 */
public final class RunEventPrinter {

  /** How much of a run is printed. */
  public enum Detail {
    /** What a local run prints: steps as they end, and waiting steps' progress. */
    TIMELINE,
    /** Also runs queued, started and ended, steps as they start, and each move's end. */
    EVERYTHING
  }

  private final PrintWriter out;
  private final Detail detail;
  private final boolean nameRuns;
  private final Map<String, Instant> origins = new HashMap<>();
  /** The run of the event being printed: the prefix of its lines. */
  private String currentRun = "";

  /**
   * @param nameRuns whether to start each line with its run's id: the stream of every run
   *     interleaves them
   */
  public RunEventPrinter(PrintWriter out, Detail detail, boolean nameRuns) {
    this.out = out;
    this.detail = detail;
    this.nameRuns = nameRuns;
  }

  /** Prints what {@code event} says, if this detail shows it. */
  public void print(ServerSentEvent event) {
    JsonNode data = event.data();
    Instant at = Instant.parse(data.path("at").asText());
    String run = event.run();
    currentRun = run;
    // A stream joined late has no "started": time the run from the first event seen.
    Instant origin = origins.computeIfAbsent(run, r -> at);
    boolean everything = detail == Detail.EVERYTHING;
    switch (event.type()) {
      case "queued" -> {
        if (everything) {
          line("run " + run + " queued: " + data.path("trigger").path("description").asText());
        }
      }
      case "started" -> {
        origins.put(run, at);
        if (everything) {
          line("run " + run + " started");
        }
      }
      case "step-started" -> {
        if (everything) {
          JsonNode step = data.path("step");
          String waiting = step.path("waiting_for").asText("");
          line(String.format(Locale.ROOT, "  +%9.3f s  %-23s %-22s started%s",
              Durations.seconds(Duration.between(origin, Instant.parse(
                  step.path("start").asText()))), step.path("step").asText(),
              step.path("subject").asText(), waiting.isEmpty() ? "" : ", waiting for "
                  + waiting));
        }
      }
      case "step-progress" -> {
        JsonNode step = data.path("step");
        line(String.format(Locale.ROOT, "  ... %s %s: waiting %d s for %s",
            step.path("step").asText(), step.path("subject").asText(),
            Math.round(data.path("elapsed_s").asDouble()), step.path("waiting_for").asText()));
      }
      case "step-ended" -> line(Timeline.line(ServerRun.step(data.path("step")), origin));
      case "move-ended" -> {
        if (everything) {
          line(move(data.path("move")));
        }
      }
      case "ended" -> {
        if (everything) {
          line("run " + run + " ended " + ServerRun.constant(RunReport.Outcome.class,
              data.path("outcome").asText())
              + ": " + data.path("message").asText());
        }
      }
      default -> {
        // An event type newer than this ferry: nothing it knows how to print.
      }
    }
  }

  private static String move(JsonNode move) {
    String vnf = move.path("vnf").asText();
    if (move.hasNonNull("failure")) {
      return "  move of " + vnf + " " + move.path("status").asText() + ": "
          + move.path("failure").asText();
    }
    if (!move.hasNonNull("approach")) {
      return "  move of " + vnf + ": " + move.path("status").asText();
    }
    JsonNode downtime = move.path("downtime_s");
    return String.format(Locale.ROOT, "  move of %s %s to %s by %s: down %.3f s (%s)", vnf,
        move.path("status").asText(), move.path("to").asText(), move.path("approach").asText(),
        downtime.path("value").asDouble(), downtime.path("source").asText());
  }

  private void line(String text) {
    out.println(nameRuns && text.startsWith("  ") ? "[" + currentRun + "]" + text : text);
    out.flush();
  }
}
