package org.ferry.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;

/**
 * {@code summary.csv}: one row per VNF that was migrated, in the order moved.
 *
 * <pre>vnf,virtualization,approach,migration_s,downtime_s,bytes_moved_mb,ue_srt_s,source</pre>
 *
 * <p>{@code ue_srt_s} is empty for a VNF that carries no user plane. {@code source} says where the
 * figures came from: measured, or simulated.
 */
public final class SummaryCsv {

  public static final String HEADER =
      "vnf,virtualization,approach,migration_s,downtime_s,bytes_moved_mb,ue_srt_s,source";

  private SummaryCsv() {}

  public static List<String> lines(List<RunReport> runs) {
    List<String> lines = new ArrayList<>();
    lines.add(HEADER);
    for (RunReport run : runs) {
      for (MoveRecord move : run.moves()) {
        move.outcome().ifPresent(o -> lines.add(String.join(",",
            move.vnf().kind().name(),
            move.vnf().virtualization().displayName(),
            o.approach().displayName(),
            Figures.seconds(o.migrationTime()),
            Figures.seconds(o.downtime().value()),
            Figures.megabytes(o.bytesMoved()),
            move.ueRecovery().map(r -> Figures.seconds(r.longestGap())).orElse(""),
            o.source().displayName())));
      }
    }
    return lines;
  }

  public static void write(List<RunReport> runs, Path file) throws IOException {
    Files.write(file, lines(runs), StandardCharsets.UTF_8);
  }
}
