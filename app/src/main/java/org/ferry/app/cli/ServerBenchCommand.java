package org.ferry.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.ferry.app.bench.DecisionLatencyBench;
import org.ferry.app.bench.GeneratedNetwork;
import org.ferry.app.bench.MovesBench;
import org.ferry.app.bench.ReadersBench;
import org.ferry.app.bench.ScaleBench;
import org.ferry.app.bench.StoreBench;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.VnfId;
import org.ferry.persistence.RunDatabase;
import org.ferry.run.RunId;
import org.ferry.run.Trigger;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry bench server}: how fast the orchestrator decides and serves, on loopback. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "The orchestrator's own speed, on loopback, no root; each part bounded in count and time.",
      "decision: from a fibre failure's notification to the first temporary-lightpath request,"
          + " over HTTP against the emulator; p50/p95/p99, target p95 <= 100 ms.",
      "readers: a ferry server in process, a few runs done, then --clients readers of /api/v1/runs"
          + " and /api/v1/lightpaths; p50/p95/p99, target p99 <= 50 ms, no errors.",
      "moves: --moves concurrent planned moves of independent groups in the twin; all must"
          + " relocate, no VNF twice, no spectrum slot twice; wall time and runs at once.",
      "scale: generated networks of 10, 100 and 1,000 VNFs, a cut hitting 20 %%; fault -> plan and"
          + " whole-run wall times, target plan <= 1 s at 1,000 VNFs.",
      "store: the simulated fault run's wall time and append throughput with the in-memory store,"
          + " H2 and (with FERRY_TEST_POSTGRES_URL, _USER, _PASSWORD set) PostgreSQL; p50/p95,"
          + " target within 10 %% of in-memory.",
      "Figures on a shared machine are noisy: compare runs on the same machine only."
    })
public final class ServerBenchCommand implements Callable<Integer> {

  /** The parts of the bench. */
  enum Part { DECISION, READERS, MOVES, SCALE, STORE, ALL }

  @Spec CommandSpec spec;

  @Option(names = "--part", defaultValue = "all",
      description = "decision, readers, moves, scale, store or all (default:"
          + " ${DEFAULT-VALUE})")
  String part;

  @Option(names = "--runs", defaultValue = "50",
      description = "decision: fault runs to time (default: ${DEFAULT-VALUE})")
  int runs;

  @Option(names = "--clients", defaultValue = "200",
      description = "readers: clients at once (default: ${DEFAULT-VALUE})")
  int clients;

  @Option(names = "--requests", defaultValue = "50",
      description = "readers: requests per client at most (default: ${DEFAULT-VALUE})")
  int requests;

  @Option(names = "--seconds", defaultValue = "10",
      description = "readers: seconds per client at most (default: ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--moves", defaultValue = "20",
      description = "moves: concurrent planned moves (default: ${DEFAULT-VALUE})")
  int moves;

  @Option(names = "--max-vnfs", defaultValue = "1000",
      description = "scale: the largest network to run, of 10, 100, 1000 VNFs (default:"
          + " ${DEFAULT-VALUE})")
  int maxVnfs;

  @Option(names = "--store-runs", defaultValue = "30",
      description = "store: fault runs per store (default: ${DEFAULT-VALUE})")
  int storeRuns;

  @Override
  public Integer call() throws Exception {
    Part chosen = Stream.of(Part.values()).filter(p -> p.name().equalsIgnoreCase(part))
        .findFirst().orElseThrow(() -> new IllegalArgumentException("--part must be decision,"
            + " readers, moves, scale, store or all; got '" + part + "'"));
    check("--runs", runs, 1, 10_000);
    check("--clients", clients, 1, 1_000);
    check("--requests", requests, 1, 10_000);
    check("--seconds", seconds, 1, 120);
    check("--moves", moves, 1, 50);
    check("--store-runs", storeRuns, 1, 1_000);
    PrintWriter out = spec.commandLine().getOut();
    out.println("Server bench, on loopback. The machine may be shared with other work: the"
        + " figures are noisy.");
    if (chosen == Part.DECISION || chosen == Part.ALL) {
      out.printf("decision: %d fault runs against the emulator.%n", runs);
      new DecisionLatencyBench(out).run(runs);
    }
    if (chosen == Part.READERS || chosen == Part.ALL) {
      readers(out);
    }
    if (chosen == Part.MOVES || chosen == Part.ALL) {
      new MovesBench(out).run(moves);
    }
    if (chosen == Part.SCALE || chosen == Part.ALL) {
      List<GeneratedNetwork> sizes = ScaleBench.SIZES.stream()
          .filter(n -> n.vnfs() <= maxVnfs).toList();
      if (sizes.isEmpty()) {
        throw new IllegalArgumentException("--max-vnfs must be at least 10, got " + maxVnfs);
      }
      new ScaleBench(out).run(sizes);
    }
    if (chosen == Part.STORE || chosen == Part.ALL) {
      new StoreBench(out).run(storeRuns, postgresFromEnvironment());
    }
    return 0;
  }

  /** The PostgreSQL database the store part also times, if the environment names one. */
  private static Optional<RunDatabase.Target> postgresFromEnvironment() {
    String url = System.getenv("FERRY_TEST_POSTGRES_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(RunDatabase.Target.of(url).withCredentials(
        Optional.ofNullable(System.getenv("FERRY_TEST_POSTGRES_USER")),
        Optional.ofNullable(System.getenv("FERRY_TEST_POSTGRES_PASSWORD"))));
  }

  private static void check(String option, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(option + " must be " + min + " to " + max + ", got "
          + value);
    }
  }

  /**
   * Starts {@code ferry server} in process, as the command does, on a free loopback port with a
   * throw-away data directory holding one viewer token; a few planned moves give the runs view
   * something to list.
   */
  private void readers(PrintWriter out) throws IOException {
    Path dataDir = Files.createTempDirectory("ferry-bench-server");
    try {
      String token = new TokenStore(dataDir).create(Role.VIEWER, "server bench").token();
      ServerCommand server = new ServerCommand();
      CommandLine cli = new CommandLine(server);
      Converters.register(cli);
      cli.parseArgs("--listen", "127.0.0.1:0", "--data-dir", dataDir.toString(),
          "--drain-timeout", "10");
      try (ServerCommand.Running running =
          server.start(new PrintWriter(Writer.nullWriter()))) {
        List<String> sites = List.of("site-b", "site-a", "site-b");
        for (String site : sites) {
          RunId id = running.runs().submit(Trigger.PlannedMove.of(Set.of(VnfId.of("mme-1")),
              SiteId.of(site)));
          running.runs().await(id, Duration.ofSeconds(60)).orElseThrow(
              () -> new IllegalStateException("a warm-up move did not end within 60 s"));
        }
        out.printf("readers: %d clients, up to %d requests or %d s each, after %d runs.%n",
            clients, requests, seconds, sites.size());
        new ReadersBench(out).run(URI.create("http://127.0.0.1:" + running.server().port()),
            token, clients, requests, Duration.ofSeconds(seconds));
      }
    } finally {
      try (Stream<Path> files = Files.walk(dataDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
