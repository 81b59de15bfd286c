package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ferry.app.assembly.Assembly;
import org.ferry.app.report.Timeline;
import org.ferry.model.report.RunReport;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.run.RunService;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The reference setting for one command with the optical layer on a TransportPCE (or the
 * emulator) over HTTP, in real time, and the compute, packet and probe layers simulated on a
 * clock that follows real time and skips their simulated waits. What the controller says wins:
 * the setting's fibres are the controller's ({@link TransportPceOpticalController#topology()}),
 * and where Ferry's inventory disagrees the session says so before the run.
 *
 * <p>Not thread-safe; one per command. {@link #close()} stops following the controller.
 */
final class HttpOpticalSession implements AutoCloseable {

  /** How long a signalled run has to stop and release what it holds. */
  private static final Duration RELEASE_BOUND = Duration.ofSeconds(60);

  private final CommandSpec spec;
  private final SettingOptions setting;
  private final TransportPceSettings settings;
  private final TransportPceOpticalController controller;
  private final ExecutorService runner;
  private final SimulatedDeployment deployment;
  private final Assembly assembly;
  /** Stops the run and releases what it holds on SIGINT or SIGTERM; set once a run service is. */
  private Thread interrupted;

  private HttpOpticalSession(CommandSpec spec, SettingOptions setting, OpticalOptions optical) {
    this.spec = spec;
    this.setting = setting;
    this.settings = optical.settings();
    this.assembly = Assembly.of(setting.network(), setting.testbed(), Optional.of(settings),
        Assembly.Runs.ONE_AT_A_TIME);
    this.controller = assembly.opticalClient().orElseThrow();
    this.deployment = assembly.deployment();
    // the workflows that faults start run here, one at a time, off the notification thread
    this.runner = Executors.newSingleThreadExecutor(
        r -> Thread.ofPlatform().daemon().name("ferry-workflow").unstarted(r));
  }

  /**
   * Connects to the controller and brings the setting up over it.
   *
   * @throws org.ferry.seam.SouthboundException if the controller cannot be reached
   * @throws IllegalStateException if it lacks the setting's lightpaths
   */
  static HttpOpticalSession start(CommandSpec spec, SettingOptions setting,
      OpticalOptions optical) {
    return new HttpOpticalSession(spec, setting, optical);
  }

  TransportPceSettings settings() {
    return settings;
  }

  TransportPceOpticalController controller() {
    return controller;
  }

  SimulatedDeployment deployment() {
    return deployment;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /** Whether the controller is Ferry's emulator, the one place Ferry can inject a fault. */
  boolean onEmulator() {
    return new EmulatorAdmin(settings).isEmulator();
  }

  /** Prints where Ferry's inventory and the controller disagree, if anywhere. */
  void printDisagreements() {
    assembly.orphans().released().forEach(id -> out().println("Released " + id + ", a temporary"
        + " lightpath an earlier Ferry run set up and never released (it was killed)."));
    assembly.orphans().failed().forEach(f -> out().println("Could not release an earlier run's"
        + " temporary lightpath " + f));
    List<String> found = controller.disagreements();
    if (found.isEmpty()) {
      return;
    }
    out().println("Ferry's inventory disagrees with the controller; what the controller says"
        + " wins:");
    found.forEach(d -> out().println("  " + d));
    out().println();
  }

  /** An orchestrator whose steps print as a timeline from now on, listening to the controller. */
  RunService startOrchestrator() {
    Timeline timeline = Timeline.forConsole(out());
    timeline.startAt(deployment.world().time().now());
    RunService runs = deployment.orchestrator(
        deployment.workflowSettings().withApproachPolicy(setting.approachPolicy()), timeline,
        runner);
    // SIGINT or SIGTERM mid-run: the run stops before its next step and releases its temporary
    // lightpath, instead of leaving it set up in the controller. A kill -9 leaves it; the next
    // run's start releases it (Assembly's sweep).
    interrupted = Thread.ofPlatform().name("ferry-release-on-signal").unstarted(() -> {
      if (!runs.drain(Duration.ZERO)) {
        System.err.println("ferry: interrupted; stopping the run and releasing what it holds"
            + " (up to " + RELEASE_BOUND.toSeconds() + " s)...");
        runs.drain(RELEASE_BOUND);
      }
    });
    Runtime.getRuntime().addShutdownHook(interrupted);
    return runs;
  }


  /**
   * Prints the summaries, writes the files if asked, and returns the exit code.
   *
   * @param extraContext what the command adds to the setting in report.json (the controller's
   *     address is added here)
   */
  int finish(List<RunReport> reports, Map<String, ?> extraContext, Path outDir) {
    Map<String, Object> context = setting.describe();
    context.putAll(extraContext);
    context.put("optical", settings.base().toString());
    return RunOutput.finish(reports, context, outDir, out(), spec.commandLine().getErr());
  }

  @Override
  public void close() {
    if (interrupted != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException e) {
        // shutting down already: the hook is running
      }
    }
    runner.shutdownNow();
    assembly.close();
  }
}
