package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.ferry.app.report.Timeline;
import org.ferry.model.network.FiberId;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.workflow.Orchestrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferry demo}: the fault-recovery flow on the reference setting. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Brings up the reference setting (a RAN site and two compute sites on a DWDM ring, the EPC",
      "at site-a), cuts the backhaul fibre and runs the fault-recovery flow. Prints a timeline",
      "of every step in simulated time, then per VNF the approach, migration time, downtime,",
      "bytes moved and the UE service recovery time."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SettingOptions setting;

  @Option(names = "--cut", defaultValue = "fiber-ran-a",
      description = "The fibre to cut (default: ${DEFAULT-VALUE}; others: fiber-a-b, fiber-b-ran)")
  String cut;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write the run as DIR/report.json and DIR/summary.csv")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    ReferenceSetting.Options options = setting.toSetting();
    // The calibrated model: Ferry decides with it, and the twin plays moves out with it.
    SimulatedDeployment deployment = SimulatedDeployment.referenceSetting(options);
    FiberId fiber = FiberId.of(cut);
    deployment.world().topology().fiber(fiber); // names the known fibres if this one is not

    stdout.printf("Ferry demo, simulated mode: EPC (HSS, MME, SPGW) as %s, %s flavor, %s"
        + " backhaul, %s between the compute sites.%n", options.virtualization().displayName(),
        options.flavor().displayName(), options.backhaul().displayName(),
        options.interSiteDistance());
    stdout.printf("Cutting %s. Times are simulated seconds since the cut.%n%n", fiber);
    Timeline timeline = new Timeline(stdout);
    timeline.startAt(deployment.world().time().now());
    Orchestrator orchestrator = deployment.orchestrator(
        deployment.workflowSettings().withApproachPolicy(setting.approachPolicy()), timeline);
    deployment.world().optical().cutFiber(fiber);

    var context = setting.describe();
    context.put("cut", fiber.value());
    return RunOutput.finish(orchestrator.reports(), context, out, stdout,
        spec.commandLine().getErr());
  }
}
