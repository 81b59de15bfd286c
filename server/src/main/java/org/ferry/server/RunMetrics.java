package org.ferry.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.ferry.model.report.MoveRecord;
import org.ferry.run.RunEvent;
import org.ferry.run.RunStore;

/**
 * Counts runs and moves and records their figures, from the run events: runs by outcome, moves by
 * approach and status, and histograms (with p50/p90/p99) of downtime, migration time, bytes moved
 * and UE service recovery. A figure's provenance (measured, predicted, simulated) is a tag, so
 * twin runs and real ones are not mixed up. Cheap and non-blocking: safe as a run subscriber.
 */
final class RunMetrics {

  private final MeterRegistry registry;

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  void record(RunStore.SequencedEvent sequenced) {
    switch (sequenced.event()) {
      case RunEvent.Queued q -> Counter.builder("ferry.runs.queued")
          .tag("trigger", WireJson.name(q.trigger().kind())).register(registry).increment();
      case RunEvent.Ended e -> Counter.builder("ferry.runs.ended")
          .description("Runs ended, by outcome")
          .tag("trigger", WireJson.name(e.report().kind()))
          .tag("outcome", WireJson.name(e.report().outcome())).register(registry).increment();
      case RunEvent.MoveEnded m -> move(m.move());
      default -> { }
    }
  }

  private void move(MoveRecord move) {
    String approach = move.outcome().map(o -> o.approach().displayName()).orElse("none");
    Counter.builder("ferry.moves").description("VNF moves ended, by approach and status")
        .tag("approach", approach).tag("status", WireJson.name(move.status()))
        .register(registry).increment();
    move.outcome().ifPresent(o -> {
      timer("ferry.move.downtime", "Service downtime of a VNF move", approach,
          o.downtime().source().displayName()).record(o.downtime().value());
      timer("ferry.move.migration", "Migration time of a VNF move", approach,
          o.source().displayName()).record(o.migrationTime());
      DistributionSummary.builder("ferry.move.bytes").baseUnit("bytes")
          .description("Bytes a VNF move sent").tag("approach", approach)
          .tag("source", o.source().displayName()).publishPercentiles(0.5, 0.9, 0.99)
          .register(registry).record(o.bytesMoved().bytes());
    });
    move.ueRecovery().ifPresent(r -> timer("ferry.move.ue.recovery",
        "Longest UE service gap during a move", approach, r.source().displayName())
        .record(r.longestGap()));
  }

  private Timer timer(String name, String description, String approach, String source) {
    return Timer.builder(name).description(description).tag("approach", approach)
        .tag("source", source).publishPercentiles(0.5, 0.9, 0.99)
        .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofMinutes(10)).register(registry);
  }
}
