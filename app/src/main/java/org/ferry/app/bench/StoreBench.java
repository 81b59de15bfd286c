package org.ferry.app.bench;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.ferry.persistence.JdbcRunStore;
import org.ferry.persistence.RunDatabase;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunService;
import org.ferry.run.RunStore;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.workflow.RunListener;

/**
 * Whether journaling slows a run: the simulated fault recovery of the reference setting (fibre
 * RAN-A cut, three VNFs moved), timed from the cut to the run's end with each store, the stores
 * taking turns run by run so that a noisy neighbour hits them alike; then how many events a
 * second each store appends, one after another. Target: the run's wall time with a database
 * within 10 % of the in-memory store's, at p50 and p95.
 */
public final class StoreBench {

  /** How much slower than in memory a run may be with a database. */
  static final double TARGET = 0.10;
  private static final int WARM_UP = 5;

  private final PrintWriter out;

  public StoreBench(PrintWriter out) {
    this.out = out;
  }

  /** A store to time, opened for the bench and closed after it. */
  private record Candidate(String name, Supplier<RunStore> open) {}

  /** What one store did. */
  private record Figures(String name, Percentiles wallMs, double appendsPerSecond) {}

  /**
   * Runs the bench and prints its table and verdict.
   *
   * @param runs timed runs per store, after a few warm-up runs
   * @param postgres a PostgreSQL database to include, if one is given; its tables are Ferry's
   *     and the bench adds runs to them
   * @return whether the target was met by every database store
   */
  public boolean run(int runs, Optional<RunDatabase.Target> postgres) throws Exception {
    Path h2 = Files.createTempDirectory("ferry-bench-store");
    try {
      List<Candidate> candidates = new ArrayList<>();
      candidates.add(new Candidate("in-memory", InMemoryRunStore::new));
      candidates.add(new Candidate("h2 file", () -> JdbcRunStore.open(
          RunDatabase.Target.h2File(h2))));
      postgres.ifPresent(t -> candidates.add(new Candidate("postgresql",
          () -> JdbcRunStore.open(t))));
      return measure(candidates, runs, postgres.isPresent());
    } finally {
      try (Stream<Path> files = Files.walk(h2)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private boolean measure(List<Candidate> candidates, int runs, boolean withPostgres)
      throws Exception {
    List<RunStore> stores = new ArrayList<>();
    try {
      for (Candidate c : candidates) {
        stores.add(c.open().get());
      }
      List<List<Double>> wall = new ArrayList<>();
      stores.forEach(s -> wall.add(new ArrayList<>()));
      List<RenamingRunStore> renaming = stores.stream().map(RenamingRunStore::new).toList();
      List<RunEvent> oneRun = List.of();
      for (int i = 0; i < WARM_UP + runs; i++) {
        for (int s = 0; s < stores.size(); s++) {
          renaming.get(s).suffix("-b" + i);
          Timed timed = faultRun(renaming.get(s));
          oneRun = timed.events();
          if (i >= WARM_UP) {
            wall.get(s).add(timed.millis());
          }
        }
      }
      out.printf("store: %d simulated fault runs per store (fibre RAN-A cut, 3 VNFs moved, %d"
          + " events each) after %d warm-ups, the stores taking turns.%n", runs, oneRun.size(),
          WARM_UP);
      List<Figures> figures = new ArrayList<>();
      for (int s = 0; s < stores.size(); s++) {
        figures.add(new Figures(candidates.get(s).name(), Percentiles.of(wall.get(s)),
            appendsPerSecond(stores.get(s), oneRun)));
      }
      return report(figures, withPostgres);
    } finally {
      for (RunStore s : stores) {
        if (s instanceof AutoCloseable closeable) {
          closeable.close();
        }
      }
    }
  }

  private record Timed(double millis, List<RunEvent> events) {}

  /** One fault recovery in a new twin, inline on this thread, timed from the cut to its end. */
  private static Timed faultRun(RunStore store) {
    SimulatedDeployment deployment =
        SimulatedDeployment.referenceSetting(ReferenceSetting.Options.defaults());
    RunService service = new RunService(deployment.southbound(), deployment.workflowSettings(),
        store, Runnable::run, RunListener.NONE);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    service.subscribe(e -> events.add(e.event()));
    service.start();
    long start = System.nanoTime();
    deployment.world().optical().cutFiber(ReferenceSetting.FIBER_RAN_A);
    double millis = (System.nanoTime() - start) / 1e6;
    if (!(events.getLast() instanceof RunEvent.Ended)) {
      throw new IllegalStateException("the bench's fault run did not end: " + events.getLast());
    }
    return new Timed(millis, List.copyOf(events));
  }

  /** Appends copies of a run's events, as new runs, for about a second or 20,000 events. */
  private static double appendsPerSecond(RunStore store, List<RunEvent> run) {
    long start = System.nanoTime();
    long deadline = start + 1_000_000_000L;
    int appended = 0;
    for (int copy = 0; appended < 20_000 && System.nanoTime() < deadline; copy++) {
      RunId id = RunId.of("append-" + copy + "-" + start);
      for (RunEvent e : run) {
        store.append(RenamingRunStore.renamed(e, id));
        appended++;
      }
    }
    return appended / ((System.nanoTime() - start) / 1e9);
  }

  private boolean report(List<Figures> figures, boolean withPostgres) {
    Figures memory = figures.getFirst();
    out.printf("  %-11s %12s %12s %14s %22s%n", "store", "run p50", "run p95", "appends/s",
        "vs in-memory p50/p95");
    boolean met = true;
    for (Figures f : figures) {
      String versus = "";
      if (f != memory) {
        double p50 = f.wallMs().p50() / memory.wallMs().p50() - 1;
        double p95 = f.wallMs().p95() / memory.wallMs().p95() - 1;
        met &= p50 <= TARGET && p95 <= TARGET;
        versus = String.format("%+.1f %% / %+.1f %%", p50 * 100, p95 * 100);
      }
      out.printf("  %-11s %9.1f ms %9.1f ms %14.0f %22s%n", f.name(), f.wallMs().p50(),
          f.wallMs().p95(), f.appendsPerSecond(), versus);
    }
    if (!withPostgres) {
      out.println("  postgresql: not timed; set FERRY_TEST_POSTGRES_URL (and _USER, _PASSWORD),"
          + " e.g. from scripts/postgres-for-tests.sh start");
    }
    out.printf("store journaling (run wall time within %.0f %% of in-memory at p50 and p95):"
        + " %s%n", TARGET * 100, met ? "met" : "MISSED");
    return met;
  }
}
