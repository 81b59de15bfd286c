package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.ferry.inventory.Inventory;
import org.ferry.app.assembly.Assembly;
import org.ferry.app.report.Timeline;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.run.RunService;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The reference setting (or the network of {@code --inventory}) brought up in the twin for one
 * command, with an orchestrator whose steps
 * print as a timeline while they happen.
 */
final class SimulatedSession {

  private final CommandSpec spec;
  private final SettingOptions setting;
  private final Optional<Inventory> inventory;
  private final SimulatedDeployment deployment;
  private final RunService orchestrator;
  private final Timeline timeline;

  private SimulatedSession(CommandSpec spec, SettingOptions setting) {
    this.spec = spec;
    this.setting = setting;
    // The calibrated model: Ferry decides with it, and the twin plays moves out with it.
    this.inventory = setting.hasInventory() ? Optional.of(setting.toInventory())
        : Optional.empty();
    this.deployment = Assembly.of(setting.network(), setting.testbed(), Optional.empty(),
        Assembly.Runs.ONE_AT_A_TIME).deployment();
    // The twin's runs end in an instant of real time: the timeline is printed whole, aligned.
    this.timeline = Timeline.heldUntilFlushed(out());
    timeline.startAt(deployment.world().time().now());
    this.orchestrator = deployment.orchestrator(
        deployment.workflowSettings().withApproachPolicy(setting.approachPolicy()), timeline);
  }

  /** Brings the setting up; bad options fail here with a message naming them. */
  static SimulatedSession start(CommandSpec spec, SettingOptions setting) {
    return new SimulatedSession(spec, setting);
  }

  /** The network of {@code --inventory}, or empty on the reference setting. */
  Optional<Inventory> inventory() {
    return inventory;
  }

  SimulatedDeployment deployment() {
    return deployment;
  }

  RunService orchestrator() {
    return orchestrator;
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  /**
   * Prints the summaries, writes the files if asked, and returns the exit code.
   *
   * @param extraContext what the command adds to the setting in report.json
   */
  int finish(Map<String, ?> extraContext, Path outDir) {
    timeline.flush();
    Map<String, Object> context = setting.describe();
    context.putAll(extraContext);
    return RunOutput.finish(orchestrator.reports(), context, outDir, out(),
        spec.commandLine().getErr());
  }
}
