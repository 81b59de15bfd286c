package org.ferry.app.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.ferry.app.bench.DecisionLatencyBench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry bench server}: how fast the orchestrator decides, on loopback, no root. */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Decision latency: from a fibre failure's notification reaching Ferry to its first",
      "temporary-lightpath request, over HTTP against the emulator with no set-up delay, one",
      "fresh emulator and twin per run. Prints p50/p95/p99 and whether p95 <= 100 ms."
    })
public final class ServerBenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "50",
      description = "Fault runs to time (default: ${DEFAULT-VALUE})")
  int runs;

  @Override
  public Integer call() {
    if (runs < 1 || runs > 10_000) {
      throw new IllegalArgumentException("--runs must be 1 to 10000, got " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Server bench: %d fault runs against the emulator on loopback.%n", runs);
    new DecisionLatencyBench(out).run(runs);
    return 0;
  }
}
