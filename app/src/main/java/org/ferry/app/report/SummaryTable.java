package org.ferry.app.report;

import java.io.PrintWriter;
import java.util.List;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;

/** The table a user reads after a run: per VNF, how it moved and what it cost. */
public final class SummaryTable {

  private static final String FORMAT = "  %-8s %-10s %-14s %-14s %12s %12s %12s %10s  %s%n";

  private SummaryTable() {}

  /**
   * One VNF's line, already written as it is shown: figures in seconds and megabytes, "-" where
   * there is none.
   *
   * @param source where the figures came from (measured, predicted, simulated)
   */
  public record Row(String vnf, String virtualization, String approach, String status,
      String migration, String downtime, String moved, String ueSrt, String source) {}

  public static void print(RunReport run, PrintWriter out) {
    print(run.runId(), run.kind(), run.outcome(), run.message(),
        run.moves().stream().map(SummaryTable::row).toList(), out);
  }

  /**
   * The table from its parts, for a run known only by what a server says of it: the same
   * heading and columns as {@link #print(RunReport, PrintWriter)}.
   */
  public static void print(String runId, RunReport.Kind kind, RunReport.Outcome outcome,
      String message, List<Row> rows, PrintWriter out) {
    out.println();
    out.printf("Run %s (%s): %s%n", runId, kind.name().toLowerCase().replace('_', ' '),
        outcome);
    out.println("  " + message);
    if (rows.isEmpty()) {
      out.flush();
      return;
    }
    out.println();
    out.printf(FORMAT, "VNF", "virt", "approach", "status", "migration s", "downtime s",
        "moved MB", "UE SRT s", "source");
    for (Row row : rows) {
      out.printf(FORMAT, row.vnf(), row.virtualization(), row.approach(), row.status(),
          row.migration(), row.downtime(), row.moved(), row.ueSrt(), row.source());
    }
    out.flush();
  }

  private static Row row(MoveRecord move) {
    String approach = move.outcome().map(o -> o.approach().displayName())
        .or(() -> move.prediction().map(p -> p.approach().displayName())).orElse("-");
    return new Row(
        move.vnf().kind().toString(),
        move.vnf().virtualization().displayName(),
        approach,
        move.status().name().toLowerCase().replace('_', '-'),
        move.outcome().map(o -> Figures.seconds(o.migrationTime())).orElse("-"),
        move.outcome().map(o -> Figures.seconds(o.downtime().value())).orElse("-"),
        move.outcome().map(o -> Figures.megabytes(o.bytesMoved())).orElse("-"),
        move.ueRecovery().map(r -> Figures.seconds(r.longestGap())).orElse("-"),
        move.outcome().map(o -> o.source().displayName()).orElse("-"));
  }
}
