package org.ferry.app.experiment;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Durations;

/**
 * The mean of a point's runs that completed the move, as the reference study averages its five.
 *
 * @param point the configuration
 * @param runs how many runs there were
 * @param moved how many of them moved the function
 * @param migrationTime mean migration time of the moved runs
 * @param downtime mean downtime
 * @param bytesMoved mean bytes moved
 * @param ueServiceRecovery mean UE service recovery time, for the SPGW
 * @param phases mean duration of each phase
 * @param prediction what the model predicted for the point
 */
public record PointSummary(
    SweepPoint point,
    int runs,
    int moved,
    Duration migrationTime,
    Duration downtime,
    DataSize bytesMoved,
    Optional<Duration> ueServiceRecovery,
    Map<Phase, Duration> phases,
    Optional<Prediction> prediction) {

  public PointSummary {
    Objects.requireNonNull(point, "point");
    phases = Map.copyOf(phases);
  }

  /** Groups results by point, in the order the points first appear. */
  public static List<PointSummary> of(List<RunResult> results) {
    Map<SweepPoint, List<RunResult>> byPoint = new LinkedHashMap<>();
    results.forEach(r -> byPoint.computeIfAbsent(r.point(), p -> new ArrayList<>()).add(r));
    List<PointSummary> summaries = new ArrayList<>();
    byPoint.forEach((point, runs) -> summaries.add(summarise(point, runs)));
    return summaries;
  }

  private static PointSummary summarise(SweepPoint point, List<RunResult> runs) {
    List<RunResult> moved = runs.stream().filter(RunResult::moved).toList();
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    for (Phase phase : Phase.values()) {
      List<Duration> seen = moved.stream().map(r -> r.phases().get(phase))
          .filter(Objects::nonNull).toList();
      if (!seen.isEmpty()) {
        phases.put(phase, mean(seen));
      }
    }
    List<Duration> srt = moved.stream().flatMap(r -> r.ueServiceRecovery().stream()).toList();
    double bytes = moved.stream().mapToLong(r -> r.bytesMoved().bytes()).average().orElse(0);
    return new PointSummary(point, runs.size(), moved.size(),
        mean(moved.stream().map(RunResult::migrationTime).toList()),
        mean(moved.stream().map(RunResult::downtime).toList()),
        DataSize.ofBytes(Math.round(bytes)),
        srt.isEmpty() ? Optional.empty() : Optional.of(mean(srt)),
        phases,
        runs.stream().flatMap(r -> r.prediction().stream()).findFirst());
  }

  private static Duration mean(List<Duration> durations) {
    return durations.isEmpty() ? Duration.ZERO : Durations.ofSeconds(durations.stream()
        .mapToDouble(Durations::seconds).average().orElse(0));
  }
}
