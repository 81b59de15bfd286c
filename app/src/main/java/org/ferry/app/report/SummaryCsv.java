package org.ferry.app.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;

/**
 * {@code summary.csv}: one row per move a run planned, in the order planned, whatever became of
 * it.
 *
 * <pre>vnf,virtualization,status,approach,migration_s,downtime_s,bytes_moved_mb,ue_srt_s,source,reason</pre>
 *
 * <p>{@code status} is {@code moved}, or what went wrong: {@code unverified} (migrated, but it
 * does not answer), {@code kept-at-source}, {@code lost} (down: needs an operator) or {@code
 * not-attempted}; {@code reason} says why for all but {@code moved}. The figures are empty for a
 * move that did not migrate; {@code ue_srt_s} is empty too for a VNF that carries no user plane.
 * {@code source} says where the figures came from: measured, or simulated.
 */
public final class SummaryCsv {

  public static final List<String> COLUMNS = List.of("vnf", "virtualization", "status",
      "approach", "migration_s", "downtime_s", "bytes_moved_mb", "ue_srt_s", "source", "reason");
  public static final String HEADER = String.join(",", COLUMNS);

  private SummaryCsv() {}

  /** The rows, without the header. */
  public static List<List<String>> rows(List<RunReport> runs) {
    List<List<String>> rows = new ArrayList<>();
    for (RunReport run : runs) {
      for (MoveRecord move : run.moves()) {
        rows.add(row(move));
      }
    }
    return rows;
  }

  private static List<String> row(MoveRecord move) {
    var outcome = move.outcome();
    return List.of(
        move.vnf().kind().name(),
        move.vnf().virtualization().displayName(),
        move.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
        outcome.map(o -> o.approach().displayName()).orElse(""),
        outcome.map(o -> Figures.seconds(o.migrationTime())).orElse(""),
        outcome.map(o -> Figures.seconds(o.downtime().value())).orElse(""),
        outcome.map(o -> Figures.megabytes(o.bytesMoved())).orElse(""),
        move.ueRecovery().map(r -> Figures.seconds(r.longestGap())).orElse(""),
        outcome.map(o -> o.source().displayName()).orElse(""),
        move.failure().orElse(""));
  }

  /** The file's text, header first. */
  public static String text(List<RunReport> runs) {
    return CsvTable.text(COLUMNS, rows(runs));
  }

  public static void write(List<RunReport> runs, Path file) throws IOException {
    CsvTable.write(COLUMNS, rows(runs), file);
  }
}
