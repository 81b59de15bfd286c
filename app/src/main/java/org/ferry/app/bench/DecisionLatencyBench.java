package org.ferry.app.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ferry.model.report.RunReport;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.run.RunService;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.simulation.SimulationSettings;
import org.ferry.time.SkippingTimeSource;
import org.ferry.workflow.RunListener;

/**
 * Decision latency: from a fibre failure's notification reaching Ferry to Ferry's first request
 * for a temporary lightpath, over HTTP against the emulator with no set-up delay. Each run gets
 * a fresh emulator and a fresh twin, so every run decides on the same network; the JVM stays
 * warm from one run to the next, as a server's does.
 */
public final class DecisionLatencyBench {

  /** The target the issue sets: p95 at most this. */
  public static final Duration TARGET_P95 = Duration.ofMillis(100);

  private final PrintWriter out;

  public DecisionLatencyBench(PrintWriter out) {
    this.out = out;
  }

  /**
   * Runs {@code runs} fault runs and prints each latency and the percentiles.
   *
   * @return the percentiles, in milliseconds
   */
  public Percentiles run(int runs) {
    List<Double> millis = new ArrayList<>();
    for (int i = 1; i <= runs; i++) {
      double ms = once() / 1e6;
      millis.add(ms);
      if (i == 1 || i % 10 == 0) {
        out.printf("  run %3d: %.1f ms%n", i, ms);
        out.flush();
      }
    }
    Percentiles p = Percentiles.of(millis);
    out.printf("decision latency (failure notification -> temp-service-create): %s; target p95 <="
        + " %d ms: %s%n", p.describe("ms"), TARGET_P95.toMillis(),
        p.p95() <= TARGET_P95.toMillis() ? "met" : "MISSED");
    out.flush();
    return p;
  }

  private long once() {
    ReferenceSetting.Options options = ReferenceSetting.Options.defaults();
    ExecutorService runner = Executors.newSingleThreadExecutor(
        r -> Thread.ofPlatform().daemon().name("bench-workflow").unstarted(r));
    try (EmulatedTransportPce emulator = new EmulatedTransportPce(TopologyFile.defaults(),
        Timings.withSetupDelay(Duration.ZERO), "admin", "admin").start("127.0.0.1", 0)) {
      TransportPceSettings settings = TransportPceSettings.defaults(
          "http://127.0.0.1:" + emulator.port());
      try (TransportPceOpticalController controller = new TransportPceOpticalController(settings,
          ReferenceSetting.topology(options.interSiteDistance()))) {
        TimedOpticalController timed = new TimedOpticalController(controller);
        SimulatedDeployment deployment = SimulatedDeployment.referenceSetting(options,
            SimulationSettings.defaults(), CalibratedMigrationModel.reference(),
            new SkippingTimeSource(), timed);
        RunService runs = deployment.orchestrator(deployment.workflowSettings(),
            RunListener.NONE, runner);
        new EmulatorAdmin(settings).cut(ReferenceSetting.FIBER_RAN_A);
        RunReport report = awaitFirst(runs, Duration.ofSeconds(60));
        if (report.outcome() != RunReport.Outcome.RELOCATED) {
          throw new IllegalStateException("the bench's fault run ended " + report.outcome()
              + ": " + report.message());
        }
        return timed.decisionNanos().orElseThrow(() -> new IllegalStateException(
            "the fault run relocated without a temporary lightpath request"));
      }
    } finally {
      runner.shutdownNow();
    }
  }

  private static RunReport awaitFirst(RunService runs, Duration within) {
    long deadline = System.nanoTime() + within.toNanos();
    while (runs.reports().isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("no fault run ended within " + within
            + " of the cut");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the fault run", e);
      }
    }
    return runs.reports().getFirst();
  }
}
