package org.ferry.app.experiment;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Durations;

/**
 * {@code results.csv}: one row per run. Times in seconds, sizes in MB; a phase the approach does
 * not have is empty, as is {@code ue_srt_s} for functions without user plane.
 */
public final class ResultsCsv {

  public static final String HEADER = "vnf,virtualization,flavor,distance_km,interface,testbed,"
      + "approach,repetition,seed,status,migration_s,downtime_s,bytes_moved_mb,ue_srt_s,"
      + "prelive_s,live_s,postlive_s,checkpoint_s,transfer_s,restore_s,page_pull_s,"
      + "predicted_migration_s,predicted_downtime_s,predicted_ue_srt_s,predicted_convergence";

  private static final List<Phase> PHASES = List.of(Phase.PRE_LIVE, Phase.LIVE, Phase.POST_LIVE,
      Phase.CHECKPOINT, Phase.TRANSFER, Phase.RESTORE, Phase.PAGE_PULL);

  private ResultsCsv() {}

  public static void write(List<RunResult> results, Path file) throws IOException {
    try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(HEADER);
      out.write('\n');
      for (RunResult r : results) {
        out.write(row(r));
        out.write('\n');
      }
    }
  }

  static String row(RunResult r) {
    SweepPoint p = r.point();
    StringBuilder row = new StringBuilder();
    row.append(p.kind()).append(',').append(p.virtualization().displayName()).append(',')
        .append(p.flavor().displayName()).append(',')
        .append(String.format(Locale.ROOT, "%s", p.lightpath().kilometres())).append(',')
        .append(p.backhaul().displayName()).append(',').append(p.testbed().displayName())
        .append(',').append(p.approach().displayName()).append(',').append(r.repetition())
        .append(',').append(r.seed()).append(',')
        .append(r.status().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(',');
    boolean moved = r.moved();
    row.append(moved ? seconds(r.migrationTime()) : "").append(',')
        .append(moved ? seconds(r.downtime()) : "").append(',')
        .append(moved ? String.format(Locale.ROOT, "%.1f", r.bytesMoved().megabytes()) : "")
        .append(',')
        .append(r.ueServiceRecovery().map(ResultsCsv::seconds).orElse(""));
    for (Phase phase : PHASES) {
      row.append(',').append(Optional.ofNullable(r.phases().get(phase))
          .map(ResultsCsv::seconds).orElse(""));
    }
    Optional<Prediction> predicted = r.prediction();
    row.append(',').append(predicted.map(x -> seconds(x.migrationTime())).orElse(""))
        .append(',').append(predicted.map(x -> seconds(x.downtime())).orElse(""))
        .append(',').append(predicted.flatMap(Prediction::ueServiceRecovery)
            .map(ResultsCsv::seconds).orElse(""))
        .append(',').append(predicted.map(x -> x.convergence().displayName()).orElse(""));
    return row.toString();
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", Durations.seconds(d));
  }
}
