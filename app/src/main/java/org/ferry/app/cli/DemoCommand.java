package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ferry.model.network.FiberId;
import org.ferry.simulation.ReferenceSetting;
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
    SimulatedSession session = SimulatedSession.start(spec, setting);
    ReferenceSetting.Options options = setting.toSetting();
    FiberId fiber = FiberId.of(cut);
    session.deployment().world().topology().fiber(fiber); // lists the known fibres if unknown

    PrintWriter stdout = session.out();
    stdout.printf("Ferry demo, simulated mode: EPC (HSS, MME, SPGW) as %s, %s flavor, %s"
        + " backhaul, %s between the compute sites.%n", options.virtualization().displayName(),
        options.flavor().displayName(), options.backhaul().displayName(),
        options.interSiteDistance());
    stdout.printf("Cutting %s. Times are simulated seconds since the cut.%n%n", fiber);
    session.deployment().world().optical().cutFiber(fiber);
    return session.finish(Map.of("cut", fiber.value()), out);
  }
}
