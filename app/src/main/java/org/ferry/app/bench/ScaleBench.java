package org.ferry.app.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.ferry.app.assembly.Assembly;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.report.WorkflowStep;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunService;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.workflow.RunListener;

/**
 * How the fault run grows with the network: generated networks of growing size in the twin,
 * a cut of one RAN site's access fibre (a fifth of the VNFs miss their SLA), and on the wall
 * clock the time from just before the cut to the end of the PLAN step (the full relocation
 * plan) and to the run's end. Each network is brought up afresh; runs go on a pool as in the
 * server.
 */
public final class ScaleBench {

  /** The target: the plan within this for 1,000 VNFs with 200 affected. */
  public static final Duration TARGET_PLAN = Duration.ofSeconds(1);
  public static final int TARGET_VNFS = 1_000;

  /** No run may take longer than this: the bench is bounded even when Ferry is not. */
  private static final Duration RUN_BOUND = Duration.ofMinutes(3);

  /** The sizes the issue asks for: VNFs and compute sites. */
  public static final List<GeneratedNetwork> SIZES = List.of(
      GeneratedNetwork.forScale(10, 5), GeneratedNetwork.forScale(100, 20),
      GeneratedNetwork.forScale(1_000, 50));

  /** One size's figures, on the wall clock. */
  public record Result(GeneratedNetwork network, RunReport.Outcome outcome, String message,
      int moved,
      double planMillis, double runMillis, Map<WorkflowStep, Double> stepMillis) {}

  private final PrintWriter out;

  public ScaleBench(PrintWriter out) {
    this.out = out;
  }

  /** Runs each size once (after one untimed run of the first, to warm the JIT) and prints. */
  public List<Result> run(List<GeneratedNetwork> sizes) {
    once(sizes.getFirst());
    List<Result> results = sizes.stream().map(this::once).toList();
    for (Result r : results) {
      out.printf("scale %5d VNFs over %2d compute sites, %4d affected: fault -> plan %8.1f ms,"
          + " whole run %8.1f ms (%s, %d moved)%n", r.network().vnfs(),
          r.network().computeSites(), r.network().vnfsPerRanSite(), r.planMillis(),
          r.runMillis(), r.outcome(), r.moved());
      if (r.outcome() != RunReport.Outcome.RELOCATED) {
        out.printf("  the run ended %s: %s%n", r.outcome(), r.message());
      }
    }
    Result last = results.getLast();
    out.printf("  where the time goes at %d VNFs (wall ms per step kind, summed; the repoint runs"
        + " inside the migration): %s%n",
        last.network().vnfs(), last.stepMillis().entrySet().stream()
            .sorted(Map.Entry.<WorkflowStep, Double>comparingByValue().reversed())
            .map(e -> String.format("%s %.1f", e.getKey().displayName(), e.getValue()))
            .collect(Collectors.joining(", ")));
    results.stream().filter(r -> r.network().vnfs() == TARGET_VNFS).findFirst()
        .ifPresent(r -> out.printf("scale target fault -> plan <= %d ms at %d VNFs with %d"
            + " affected: %s (%.1f ms)%n", TARGET_PLAN.toMillis(), TARGET_VNFS,
            r.network().vnfsPerRanSite(), r.planMillis() <= TARGET_PLAN.toMillis() ? "met"
                : "MISSED", r.planMillis()));
    out.flush();
    return results;
  }

  private Result once(GeneratedNetwork network) {
    ExecutorService pool = Executors.newFixedThreadPool(2,
        r -> Thread.ofPlatform().daemon().name("bench-scale-run").unstarted(r));
    try (Assembly assembly = Assembly.of(network.inventory(),
        ReferenceSetting.Options.defaults().testbed(), Optional.empty(),
        Assembly.Runs.CONCURRENT)) {
      StepClock clock = new StepClock();
      RunService runs = Assembly.runService(assembly.southbound(), assembly.workflowSettings(),
          new InMemoryRunStore(), pool, clock);
      CompletableFuture<RunReport> ended = new CompletableFuture<>();
      runs.subscribe(e -> {
        if (e.event() instanceof RunEvent.Ended end) {
          clock.endedNanos = System.nanoTime();
          ended.complete(end.report());
        }
      });
      clock.cutNanos = System.nanoTime();
      assembly.deployment().world().optical().cutFiber(network.accessFiberOfFirstRanSite());
      RunReport report = ended.get(RUN_BOUND.toSeconds(), TimeUnit.SECONDS);
      if (clock.planEndNanos == 0) {
        throw new IllegalStateException("the fault run on " + network + " ended " + report
            .outcome() + " without a plan: " + report.message());
      }
      return new Result(network, report.outcome(), report.message(), (int) report.moves().stream()
          .filter(m -> m.status() == MoveRecord.Status.MOVED).count(),
          (clock.planEndNanos - clock.cutNanos) / 1e6, (clock.endedNanos - clock.cutNanos) / 1e6,
          clock.stepMillis);
    } catch (TimeoutException e) {
      throw new IllegalStateException("the fault run on " + network + " did not end within "
          + RUN_BOUND, e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("the fault run on " + network + " broke", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Notes on the wall clock, on the run's thread, when PLAN ends and how long each step took:
   * the run's own stamps are on the twin's clock, which skips simulated waits.
   */
  private static final class StepClock implements RunListener {
    volatile long cutNanos;
    volatile long planEndNanos;
    volatile long endedNanos;
    /** By step and subject: a step may begin inside another (the repoint inside a migration). */
    private final Map<String, Long> started = new HashMap<>();
    final Map<WorkflowStep, Double> stepMillis = new EnumMap<>(WorkflowStep.class);

    @Override
    public void onStepStarted(StepStart step) {
      started.put(step.step() + "/" + step.subject(), System.nanoTime());
    }

    @Override
    public void onStep(StepRecord step) {
      long now = System.nanoTime();
      if (step.step() == WorkflowStep.PLAN && planEndNanos == 0) {
        planEndNanos = now;
      }
      Long start = started.remove(step.step() + "/" + step.subject());
      if (start != null) {
        stepMillis.merge(step.step(), (now - start) / 1e6, Double::sum);
      }
    }
  }
}
