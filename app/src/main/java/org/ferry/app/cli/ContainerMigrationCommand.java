package org.ferry.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.ferry.app.bench.BenchFiles;
import org.ferry.compute.bench.ContainerMigrationBench;
import org.ferry.compute.criu.Criu;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry bench container-migration [--quick] [--out DIR]}. */
@Command(
    name = "container-migration",
    mixinStandardHelpOptions = true,
    description = {
      "Measures CRIU moves of a container between the testbed's sites.",
      "Moves a JVM workload (50, 200 and 500 MB of touched memory, a TCP and a UDP client in the"
          + " RAN) between site-a and site-b with CRIU, stop-and-copy and lazy, over a 1 and a 10"
          + " Gbit/s lightpath, 5 runs each, and reports checkpoint, transfer, restore, frozen"
          + " time, bytes moved, the client's TCP and UDP gaps and frozen / (bytes / rate)."
    })
public final class ContainerMigrationCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--quick", description = "One move per mode at 200 MB and 1 Gbit/s")
  boolean quick;

  @Option(names = "--runs", description = "Runs per case (default: 5; --quick: 1)")
  Integer runs;

  @Option(names = "--workloads", split = ",", paramLabel = "MB",
      description = "Workload sizes in MB (default: 50,200,500; --quick: 200)")
  List<Integer> workloads;

  @Option(names = "--out", paramLabel = "DIR", converter = WritableDirectory.class,
      description = "Write runs.csv, summary.md and the plots (SVG) into DIR")
  Path out;

  @Option(names = "--prefix", defaultValue = "fc-bench",
      description = "Namespace prefix of the bench's own testbed (default: ${DEFAULT-VALUE})")
  String prefix;

  @Override
  public Integer call() throws Exception {
    Testbed.unsupportedReason().ifPresent(why -> {
      throw new IllegalStateException(why);
    });
    Criu criu = Criu.require();
    if (criu.version() < 402) {
      throw new IllegalStateException(criu.binary() + " is older than 4.2: run "
          + "scripts/testbed-setup.sh");
    }
    ContainerMigrationBench.Plan plan = quick ? ContainerMigrationBench.Plan.quick()
        : ContainerMigrationBench.Plan.full();
    if (runs != null || workloads != null) {
      plan = new ContainerMigrationBench.Plan(workloads != null ? workloads : plan.workloadsMb(),
          plan.modes(), plan.rates(), runs != null ? runs : plan.runs());
    }
    var outWriter = spec.commandLine().getOut();
    // images on tmpfs where there is one: the pages then cost no disk writes at either end
    Path shm = Path.of("/dev/shm");
    Path work = System.getProperty("ferry.bench.work") != null ? Files.createDirectories(Path.of(System.getProperty("ferry.bench.work"))) : Files.isDirectory(shm) && Files.isWritable(shm)
        ? Files.createTempDirectory(shm, "ferry-bench-") : Files.createTempDirectory("ferry-bench-");
    Testbed testbed = new Testbed(new TestbedLayout(prefix), TestbedArtefacts.fromEnvironment());
    List<ContainerMigrationBench.Run> results;
    // Ctrl-C: the containers, page servers and namespaces go too (the finally block below
    // does not run on a signal)
    ContainerMigrationBench bench = new ContainerMigrationBench(testbed, criu, work, line -> {
      outWriter.println(line);
      outWriter.flush();
    });
    Thread cleanup = new Thread(() -> {
      bench.close();
      testbed.down();
      deleteTree(work);
    }, "bench-cleanup");
    Runtime.getRuntime().addShutdownHook(cleanup);
    try {
      testbed.up();
      outWriter.printf("bench: %d moves on testbed %s (%s)%n", plan.moves(), prefix,
          criu.binary());
      outWriter.flush();
      results = bench.run(plan);
    } finally {
      testbed.down();
      try {
        Runtime.getRuntime().removeShutdownHook(cleanup);
      } catch (IllegalStateException e) {
        // already shutting down
      }
      if (!Boolean.getBoolean("ferry.criu.keepImages")) {
        deleteTree(work);
      }
    }
    outWriter.println();
    outWriter.print(BenchFiles.summary(results));
    if (out != null) {
      for (Path p : BenchFiles.write(out, results)) {
        outWriter.println("wrote " + p);
      }
    }
    outWriter.flush();
    return results.stream().allMatch(ContainerMigrationBench.Run::ok) ? 0 : 1;
  }

  private static void deleteTree(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (java.io.IOException e) {
      // a temporary directory left behind
    }
  }
}
