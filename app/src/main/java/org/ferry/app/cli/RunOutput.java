package org.ferry.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import org.ferry.run.RunService;
import org.ferry.app.report.ReportJson;
import org.ferry.app.report.SummaryCsv;
import org.ferry.app.report.SummaryTable;
import org.ferry.model.report.RunReport;

/** What every command that runs a workflow prints and writes at its end. */
final class RunOutput {

  private RunOutput() {}

  /**
   * Prints the summaries, writes report.json and summary.csv into {@code outDir} if given, and
   * returns the exit code: 0 if every run reached its goal, 1 otherwise.
   */
  static int finish(List<RunReport> runs, Map<String, ?> context, Path outDir,
      PrintWriter out, PrintWriter err) {
    runs.forEach(run -> SummaryTable.print(run, out));
    if (outDir != null) {
      try {
        Files.createDirectories(outDir);
        ReportJson.write(runs, context, outDir.resolve("report.json"));
        SummaryCsv.write(runs, outDir.resolve("summary.csv"));
      } catch (IOException e) {
        throw new UncheckedIOException("could not write the report into " + outDir + ": "
            + e.getMessage(), e);
      }
      out.println();
      out.println("Wrote " + outDir.resolve("report.json") + " and "
          + outDir.resolve("summary.csv"));
    }
    out.flush();
    List<RunReport> failed = runs.stream().filter(r -> !r.outcome().success()).toList();
    if (runs.isEmpty()) {
      err.println("ferry: no run took place");
      return 1;
    }
    for (RunReport run : failed) {
      err.println("ferry: run " + run.runId() + " ended " + run.outcome() + ": " + run.message());
    }
    return failed.isEmpty() ? 0 : 1;
  }

  /**
   * Waits for the orchestrator's first run after a fault Ferry injected.
   *
   * @throws IllegalStateException if none has finished within {@code within}
   */
  static List<RunReport> awaitRun(RunService orchestrator, Duration within)
      throws InterruptedException {
    return awaitRun(orchestrator, within, "no fault-recovery run finished within " + within
        + "; did the controller report the cut on its notification stream?");
  }

  /**
   * Waits for the orchestrator's first run, which a fault reported by the optical controller
   * starts on the orchestrator's own thread.
   *
   * @param expired the message if none finishes in time
   * @throws IllegalStateException with {@code expired} if none has finished within {@code within}
   */
  static List<RunReport> awaitRun(RunService orchestrator, Duration within, String expired)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (orchestrator.reports().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(expired);
      }
      Thread.sleep(100);
    }
    return orchestrator.reports();
  }
}
