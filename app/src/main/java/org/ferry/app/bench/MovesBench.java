package org.ferry.app.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.app.assembly.Assembly;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunService;
import org.ferry.run.Trigger;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;

/**
 * Concurrent planned moves through the run service, in the twin: one move per independent group
 * of a generated network, all submitted at once from as many threads, on a pool with a thread
 * per move. Checks that every run relocated, that no VNF was moved twice, and that no two
 * temporary lightpaths were in service at once on one fibre and frequency; prints the wall time
 * and how many runs were RUNNING at once.
 */
public final class MovesBench {

  /** No run may take longer than this: the bench is bounded even when Ferry is not. */
  private static final Duration RUN_BOUND = Duration.ofMinutes(2);

  /** What one round of moves showed. */
  public record Result(int runs, int relocated, int vnfsMovedTwice, int temporaries,
      int doubleBookings, int maxRunning, double wallMillis) {
    public boolean sound() {
      return relocated == runs && vnfsMovedTwice == 0 && doubleBookings == 0;
    }
  }

  private final PrintWriter out;

  public MovesBench(PrintWriter out) {
    this.out = out;
  }

  public Result run(int moves) throws Exception {
    GeneratedNetwork network = GeneratedNetwork.forMoves(moves);
    ExecutorService pool = Executors.newFixedThreadPool(moves,
        r -> Thread.ofPlatform().daemon().name("bench-move-run").unstarted(r));
    try (Assembly assembly = Assembly.of(network.inventory(),
        ReferenceSetting.Options.defaults().testbed(), Optional.empty(),
        Assembly.Runs.CONCURRENT);
        ExecutorService submitters = Executors.newVirtualThreadPerTaskExecutor()) {
      Southbound twin = assembly.southbound();
      SpectrumLedger ledger = new SpectrumLedger(twin.optical());
      Southbound southbound = new Southbound(ledger, twin.flows(), twin.compute(), twin.probe(),
          twin.vnfs(), twin.time());
      RunService runs = Assembly.runService(southbound, assembly.workflowSettings(),
          new InMemoryRunStore(), pool, RunListener.NONE);
      AtomicInteger running = new AtomicInteger();
      AtomicInteger maxRunning = new AtomicInteger();
      runs.subscribe(e -> {
        if (e.event() instanceof RunEvent.Started) {
          maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        } else if (e.event() instanceof RunEvent.Ended) {
          running.decrementAndGet();
        }
      });
      long start = System.nanoTime();
      List<Future<RunId>> submitted = new ArrayList<>();
      for (GeneratedNetwork.Group group : network.firstGroups()) {
        submitted.add(submitters.submit(() -> runs.submit(Trigger.PlannedMove.of(
            new HashSet<>(group.vnfs()), group.alternate()))));
      }
      List<RunReport> reports = new ArrayList<>();
      for (Future<RunId> id : submitted) {
        reports.add(runs.await(id.get(), RUN_BOUND).orElseThrow(() -> new IllegalStateException(
            "a planned move did not end within " + RUN_BOUND)));
      }
      double wallMillis = (System.nanoTime() - start) / 1e6;
      return report(reports, ledger, maxRunning.get(), wallMillis);
    } finally {
      pool.shutdownNow();
    }
  }

  private Result report(List<RunReport> reports, SpectrumLedger ledger, int maxRunning,
      double wallMillis) {
    Map<VnfId, Integer> movesPerVnf = new TreeMap<>();
    for (RunReport r : reports) {
      for (MoveRecord m : r.moves()) {
        movesPerVnf.merge(m.vnf().id(), 1, Integer::sum);
      }
    }
    List<VnfId> twice = movesPerVnf.entrySet().stream().filter(e -> e.getValue() > 1)
        .map(Map.Entry::getKey).toList();
    List<String> doubleBooked = ledger.doubleBookings();
    int relocated = (int) reports.stream()
        .filter(r -> r.outcome() == RunReport.Outcome.RELOCATED).count();
    Result result = new Result(reports.size(), relocated, twice.size(),
        ledger.entries().size(), doubleBooked.size(), maxRunning, wallMillis);
    out.printf("moves: %d planned moves, %d relocated, %d VNF moves; VNFs moved twice: %d%s;"
        + " temporary lightpaths: %d, spectrum slots given twice: %d%s%n", result.runs(),
        relocated, movesPerVnf.values().stream().mapToInt(Integer::intValue).sum(),
        twice.size(), twice.isEmpty() ? "" : " " + twice, result.temporaries(),
        doubleBooked.size(), doubleBooked.isEmpty() ? "" : " " + doubleBooked);
    for (RunReport r : reports) {
      if (r.outcome() != RunReport.Outcome.RELOCATED) {
        out.printf("  %s ended %s: %s%n", r.runId(), r.outcome(), r.message());
      }
    }
    out.printf("moves: wall time %.1f ms for all %d, at most %d RUNNING at once; all complete,"
        + " none twice, no slot twice: %s%n", wallMillis, result.runs(), maxRunning,
        result.sound() ? "met" : "MISSED");
    out.flush();
    return result;
  }
}
