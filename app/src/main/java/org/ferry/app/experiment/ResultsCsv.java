package org.ferry.app.experiment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ferry.app.report.CsvTable;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Durations;

/**
 * {@code results.csv}: one row per run. Times in seconds, sizes in MB; a phase the approach does
 * not have is empty, as is {@code ue_srt_s} for functions without user plane.
 */
public final class ResultsCsv {

  public static final List<String> COLUMNS = List.of("vnf", "virtualization", "flavor",
      "distance_km", "interface", "testbed", "approach", "repetition", "seed", "status",
      "migration_s", "downtime_s", "bytes_moved_mb", "ue_srt_s", "prelive_s", "live_s",
      "postlive_s", "checkpoint_s", "transfer_s", "restore_s", "page_pull_s",
      "predicted_migration_s", "predicted_downtime_s", "predicted_ue_srt_s",
      "predicted_convergence");
  public static final String HEADER = String.join(",", COLUMNS);

  private static final List<Phase> PHASES = List.of(Phase.PRE_LIVE, Phase.LIVE, Phase.POST_LIVE,
      Phase.CHECKPOINT, Phase.TRANSFER, Phase.RESTORE, Phase.PAGE_PULL);

  private ResultsCsv() {}

  public static void write(List<RunResult> results, Path file) throws IOException {
    CsvTable.write(COLUMNS, results.stream().map(ResultsCsv::row).toList(), file);
  }

  static List<String> row(RunResult r) {
    SweepPoint p = r.point();
    boolean moved = r.moved();
    List<String> row = new ArrayList<>(List.of(p.kind().toString(),
        p.virtualization().displayName(), p.flavor().displayName(),
        String.format(Locale.ROOT, "%s", p.lightpath().kilometres()), p.backhaul().displayName(),
        p.testbed().displayName(), p.approach().displayName(),
        Integer.toString(r.repetition()), Long.toString(r.seed()),
        r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
        moved ? seconds(r.migrationTime()) : "",
        moved ? seconds(r.downtime()) : "",
        moved ? String.format(Locale.ROOT, "%.1f", r.bytesMoved().megabytes()) : "",
        r.ueServiceRecovery().map(ResultsCsv::seconds).orElse("")));
    for (Phase phase : PHASES) {
      row.add(Optional.ofNullable(r.phases().get(phase)).map(ResultsCsv::seconds).orElse(""));
    }
    Optional<Prediction> predicted = r.prediction();
    row.add(predicted.map(x -> seconds(x.migrationTime())).orElse(""));
    row.add(predicted.map(x -> seconds(x.downtime())).orElse(""));
    row.add(predicted.flatMap(Prediction::ueServiceRecovery).map(ResultsCsv::seconds)
        .orElse(""));
    row.add(predicted.map(x -> x.convergence().displayName()).orElse(""));
    return row;
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", Durations.seconds(d));
  }
}
