package org.ferry.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferry.app.experiment.PointSummary;
import org.ferry.app.experiment.ResultsCsv;
import org.ferry.app.experiment.RunResult;
import org.ferry.app.experiment.Sweep;
import org.ferry.app.experiment.SweepPlots;
import org.ferry.app.experiment.SweepPoint;
import org.ferry.app.experiment.SweepTables;
import org.ferry.app.report.Terminal;
import org.ferry.model.Names;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.calibration.Calibration;
import org.ferry.prediction.calibration.ReferenceData;
import org.ferry.simulation.SimulationSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry experiment}: the reference study's sweep, in the twin. */
@Command(
    name = "experiment",
    mixinStandardHelpOptions = true,
    description = {
      "Runs the reference study's whole sweep in the digital twin.",
      "VNF x virtualization x flavor x lightpath length (0.3, 25, 50 km) x interface x testbed x"
          + " approach, each a planned move carried out by the orchestration, repeated with"
          + " different seeds.",
      "Writes results.csv (one row per run), tables.md (the reference tables, the study's figures"
          + " beside Ferry's) and plots as PNG and SVG. Prints the sweep's wall time."
    })
public final class ExperimentCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--mode", defaultValue = "simulated",
      description = "simulated, the digital twin: the only one of this build (default:"
          + " ${DEFAULT-VALUE})")
  String mode;

  @Option(names = "--repetitions", defaultValue = "5",
      description = "Runs per configuration, each with its own seed (default: ${DEFAULT-VALUE})")
  int repetitions;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "experiment",
      converter = WritableDirectory.class,
      description = "Where to write the results (default: ${DEFAULT-VALUE})")
  Path out;

  @Option(names = "--benchmark",
      description = "Only run the sweep and print its wall time; write nothing")
  boolean benchmark;

  @Override
  public Integer call() {
    SettingOptions.Mode parsed = Names.parse(SettingOptions.Mode.class, mode, "mode",
        m -> m.name().toLowerCase(Locale.ROOT));
    if (parsed != SettingOptions.Mode.SIMULATED) {
      throw new IllegalArgumentException("--mode " + mode + " is not available in this build"
          + " yet; use --mode simulated");
    }
    if (repetitions < 1) {
      throw new IllegalArgumentException("--repetitions must be 1 or more, got " + repetitions);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    List<SweepPoint> points = SweepPoint.all();
    int total = points.size() * repetitions;
    ProgressBar progress = new ProgressBar(stderr, total, Terminal.stderr());
    long start = System.nanoTime();
    long cpuStart = processCpuNanos();
    List<RunResult> results = new Sweep(CalibratedMigrationModel.reference(),
        SimulationSettings.defaults()).run(points, repetitions, progress::update);
    double wall = (System.nanoTime() - start) / 1e9;
    double cpu = (processCpuNanos() - cpuStart) / 1e9;
    progress.finish();
    long failed = results.stream().filter(r -> !r.moved()).count();
    stdout.printf(Locale.ROOT, "Sweep: %d configurations x %d repetitions = %d runs in %.2f s"
        + " wall time, %.2f s CPU time (%d cores)%s%n", points.size(), repetitions, total, wall,
        cpu, Runtime.getRuntime().availableProcessors(),
        failed == 0 ? "" : "; " + failed + " runs did not move their function");
    if (benchmark) {
      return 0;
    }
    try {
      Files.createDirectories(out);
      ResultsCsv.write(results, out.resolve("results.csv"));
      List<PointSummary> summaries = PointSummary.of(results);
      ReferenceData reference = ReferenceData.bundled();
      Files.writeString(out.resolve("tables.md"), SweepTables.markdown(summaries, reference,
          Calibration.evaluate(CalibratedMigrationModel.reference(), reference), repetitions),
          StandardCharsets.UTF_8);
      List<Path> plots = SweepPlots.write(summaries, out);
      stdout.printf("Wrote %s, %s and %d plots into %s%n", "results.csv", "tables.md",
          plots.size(), out);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the results into " + out + ": "
          + e.getMessage(), e);
    }
    return failed == 0 ? 0 : 1;
  }

  /** CPU time of the whole process (every thread, the JIT's too), or 0 where unknown. */
  private static long processCpuNanos() {
    return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
  }

  /**
   * The sweep's progress on stderr: on a terminal a bar redrawn in place when it grows by a step;
   * elsewhere (a log file, a pipe), where the redraws would pile up, a line every 10 %.
   */
  static final class ProgressBar {
    private static final int WIDTH = 40;
    private static final int LINES = 10;
    private final PrintWriter err;
    private final int total;
    private final boolean terminal;
    private int drawn = -1;

    ProgressBar(PrintWriter err, int total, boolean terminal) {
      this.err = err;
      this.total = total;
      this.terminal = terminal;
    }

    synchronized void update(int done) {
      int steps = terminal ? WIDTH : LINES;
      int reached = (int) ((long) done * steps / total);
      if (reached == drawn && done != total) {
        return;
      }
      drawn = reached;
      if (terminal) {
        err.print("\r[" + "#".repeat(reached) + " ".repeat(WIDTH - reached) + "] " + done + "/"
            + total + " runs");
      } else if (reached > 0) {
        err.printf(Locale.ROOT, "%d/%d runs (%d %%)%n", done, total, done * 100L / total);
      }
      err.flush();
    }

    synchronized void finish() {
      if (terminal) {
        err.println();
        err.flush();
      }
    }
  }
}
