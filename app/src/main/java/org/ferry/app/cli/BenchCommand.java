package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferry.app.bench.BenchRun;
import org.ferry.app.bench.VmMigrationBench;
import org.ferry.compute.qemu.ConvergencePolicy;
import org.ferry.compute.qemu.MigrationTuning;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry bench}: measurements on the testbed in a box. */
@Command(
    name = "bench",
    description = {
      "Measures moves on the testbed in a box, and the orchestrator's own speed.",
      "VM and container moves need Linux, root and scripts/testbed-setup.sh; the server's bench"
          + " runs on loopback."
    },
    subcommands = {BenchCommand.VmMigration.class, ContainerMigrationCommand.class,
      ServerBenchCommand.class})
public final class BenchCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code ferry bench vm-migration}. */
  @Command(
      name = "vm-migration",
      mixinStandardHelpOptions = true,
      description = {
        "Measures live migrations of a QEMU guest between the testbed's sites.",
        "The guest (TCG) has a workload that dirties memory at a set fraction of the link rate; it"
            + " moves over 1 and 10 Gbit/s lightpaths of 0.3, 25 and 50 km, 5 times each, pinged"
            + " every 10 ms from the RAN.",
        "Prints per move the total time, downtime, bytes moved, ping gap and total time / (bytes"
            + " moved / link rate)."
      })
  static final class VmMigration implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--quick", description = "One move per rate at 25 km (under two minutes)")
    boolean quick;

    @Option(names = "--out", paramLabel = "DIR", converter = WritableDirectory.class,
        description = "Write DIR/runs.csv and the plots (downtime.svg, ratio.svg, ping_gap.svg)")
    Path out;

    @Option(names = "--dirty-ratio", defaultValue = "0.1",
        description = "Dirty rate of the guest's workload over the link rate (default:"
            + " ${DEFAULT-VALUE})")
    double dirtyRatio;

    @Option(names = "--memory-mib", defaultValue = "512",
        description = "Guest memory (default: ${DEFAULT-VALUE})")
    long memoryMib;

    @Option(names = "--working-set-mib", defaultValue = "128",
        description = "Memory the workload touches and dirties (default: ${DEFAULT-VALUE})")
    long workingSetMib;

    @Option(names = "--downtime-limit-ms", defaultValue = "20",
        description = "QEMU's downtime-limit (default: ${DEFAULT-VALUE})")
    long downtimeLimitMs;

    @Option(names = "--multifd", defaultValue = "0",
        description = "Parallel migration channels, 0 for none (default: ${DEFAULT-VALUE}). The"
            + " driver does not combine them with post-copy, so a move that does not converge is"
            + " then aborted instead of switched to post-copy")
    int multifd;

    @Option(names = "--xbzrle", description = "Send deltas of re-sent pages")
    boolean xbzrle;

    @Option(names = "--auto-converge", description = "Throttle the vCPU when pre-copy lags")
    boolean autoConverge;

    @Option(names = "--approach", defaultValue = "pre-copy",
        description = "pre-copy or post-copy (switched to during the first pass)"
            + " (default: ${DEFAULT-VALUE})")
    MigrationApproach approach;

    @Option(names = "--runs", description = "Moves per rate and length (default: 5, quick: 1)")
    Integer runs;

    @Option(names = "--prefix", defaultValue = "ferry-bench",
        description = "Namespace prefix of the bench's own testbed (default: ${DEFAULT-VALUE})")
    String prefix;

    @Override
    public Integer call() throws Exception {
      PrintWriter stdout = spec.commandLine().getOut();
      Testbed.unsupportedReason().ifPresent(why -> {
        throw new IllegalStateException(why);
      });
      if (dirtyRatio < 0 || dirtyRatio >= 1) {
        throw new IllegalArgumentException("--dirty-ratio must be in [0, 1), got " + dirtyRatio);
      }
      MigrationTuning tuning = MigrationTuning.defaults()
          .withDowntimeLimit(Duration.ofMillis(downtimeLimitMs))
          .withMultifd(multifd).withXbzrle(xbzrle).withAutoConverge(autoConverge);
      if (multifd > 0) {
        tuning = tuning.withConvergence(ConvergencePolicy.ABORT, tuning.convergenceRounds());
      }
      VmMigrationBench.Plan plan = quick
          ? VmMigrationBench.Plan.quick(dirtyRatio, memoryMib, workingSetMib, tuning)
          : VmMigrationBench.Plan.full(dirtyRatio, memoryMib, workingSetMib, tuning);
      if (approach.virtualization() != Virtualization.VM) {
        throw new IllegalArgumentException("--approach must be pre-copy or post-copy, got "
            + approach.displayName());
      }
      plan = plan.with(runs == null ? plan.runs() : runs, approach);
      TestbedArtefacts artefacts = TestbedArtefacts.fromEnvironment();
      artefacts.check();
      stdout.printf("VM migration bench: %d MiB guest (1 vCPU, TCG), workload dirtying %.2f x the"
          + " link rate over %d MiB; %s, downtime-limit %d ms, multifd %d, xbzrle %s,"
          + " auto-converge %s; %d move(s) per case.%n%n", memoryMib, dirtyRatio, workingSetMib,
          approach.displayName(),
          downtimeLimitMs, multifd, xbzrle ? "on" : "off", autoConverge ? "on" : "off",
          plan.runs());
      stdout.flush();
      Testbed testbed = new Testbed(new TestbedLayout(prefix), artefacts);
      Thread cleanup = new Thread(testbed::down, "bench-cleanup");
      Runtime.getRuntime().addShutdownHook(cleanup);
      List<BenchRun> results;
      try {
        testbed.up();
        results = new VmMigrationBench(testbed, stdout).run(plan);
      } finally {
        testbed.down();
        Runtime.getRuntime().removeShutdownHook(cleanup);
      }
      VmMigrationBench.summarize(results, stdout);
      if (out != null) {
        VmMigrationBench.write(results, out);
        stdout.println("wrote " + out.resolve("runs.csv") + " and the plots");
      }
      stdout.flush();
      return results.isEmpty() ? 1 : 0;
    }
  }
}
