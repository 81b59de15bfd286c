package org.ferry.app.report;

import java.io.PrintWriter;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;

/** The table a user reads after a run: per VNF, how it moved and what it cost. */
public final class SummaryTable {

  private SummaryTable() {}

  public static void print(RunReport run, PrintWriter out) {
    out.println();
    out.printf("Run %s (%s): %s%n", run.runId(), run.kind().name().toLowerCase().replace('_', ' '),
        run.outcome());
    out.println("  " + run.message());
    if (run.moves().isEmpty()) {
      out.flush();
      return;
    }
    out.println();
    String format = "  %-8s %-10s %-14s %-14s %12s %12s %12s %10s  %s%n";
    out.printf(format, "VNF", "virt", "approach", "status", "migration s", "downtime s",
        "moved MB", "UE SRT s", "source");
    for (MoveRecord move : run.moves()) {
      String approach = move.outcome().map(o -> o.approach().displayName())
          .or(() -> move.prediction().map(p -> p.approach().displayName())).orElse("-");
      out.printf(format,
          move.vnf().kind(),
          move.vnf().virtualization().displayName(),
          approach,
          move.status().name().toLowerCase().replace('_', '-'),
          move.outcome().map(o -> Figures.seconds(o.migrationTime())).orElse("-"),
          move.outcome().map(o -> Figures.seconds(o.downtime().value())).orElse("-"),
          move.outcome().map(o -> Figures.megabytes(o.bytesMoved())).orElse("-"),
          move.ueRecovery().map(r -> Figures.seconds(r.longestGap())).orElse("-"),
          move.outcome().map(o -> o.source().displayName()).orElse("-"));
    }
    out.flush();
  }
}
