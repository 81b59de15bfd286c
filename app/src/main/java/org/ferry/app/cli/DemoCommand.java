package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.ferry.app.report.Timeline;
import java.util.stream.Collectors;
import org.ferry.inventory.Inventory;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Topology;
import org.ferry.model.report.RunReport;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.simulation.SimulationSettings;
import org.ferry.time.SkippingTimeSource;
import org.ferry.workflow.Orchestrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferry demo}: the fault-recovery flow on the reference setting or an inventory's network. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Brings up the reference setting (a RAN site and two compute sites on a DWDM ring, the EPC",
      "at site-a), cuts the backhaul fibre and runs the fault-recovery flow. Prints a timeline",
      "of every step in simulated time, then per VNF the approach, migration time, downtime,",
      "bytes moved and the UE service recovery time.",
      "--inventory FILE: the same on the network FILE describes; --cut names one of its fibres.",
      "--mode testbed (root, Linux): the same flow on real parts: network namespaces, links that",
      "follow the optical services, the EPC stand-ins as QEMU guests (--virtualization vm) or",
      "CRIU containers (--virtualization container), 10 UEs in the RAN; every figure measured."
    })
public final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SettingOptions setting;

  @Mixin OpticalOptions optical;

  /** The fibre cut when --cut is not given: the reference setting's backhaul to site-a. */
  static final String REFERENCE_CUT = "fiber-ran-a";

  @Option(names = "--cut", paramLabel = "FIBER",
      description = "The fibre to cut (default: fiber-ran-a; others: fiber-a-b, fiber-b-ran;"
          + " with --inventory: required, one of the file's fibres)")
  String cut;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write the run as DIR/report.json and DIR/summary.csv")
  Path out;

  @Option(names = "--testbed-prefix", defaultValue = "ferry-demo", hidden = true,
      description = "--mode testbed: the prefix of the testbed's namespaces")
  String testbedPrefix;

  @Override
  public Integer call() throws InterruptedException {
    if (setting.hasInventory() && (setting.testbedMode() || optical.enabled())) {
      throw new IllegalArgumentException("--inventory runs in the simulated mode only for now;"
          + " drop --inventory to run the reference setting "
          + (optical.enabled() ? "over --optical" : "on the testbed"));
    }
    if (cut == null && !setting.hasInventory()) {
      cut = REFERENCE_CUT;
    }
    if (setting.testbedMode()) {
      return new TestbedDemo(spec.commandLine().getOut(), spec.commandLine().getErr(), setting,
          optical, testbedPrefix).run(FiberId.of(cut), out);
    }
    if (optical.enabled()) {
      return overHttp(setting.toSetting());
    }
    SimulatedSession session = SimulatedSession.start(spec, setting);
    if (session.inventory().isPresent()) {
      return onInventory(session, session.inventory().get());
    }
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

  /** The flow on the network of {@code --inventory}: the fibre to cut must be named. */
  private int onInventory(SimulatedSession session, Inventory inventory) {
    Topology topology = session.deployment().world().topology();
    List<String> fibers = topology.fibers().stream().map(f -> f.id().value()).toList();
    if (cut == null) {
      throw new IllegalArgumentException("--cut is required with --inventory: name the fibre"
          + " to cut, one of " + String.join(", ", fibers));
    }
    FiberId fiber;
    try {
      fiber = FiberId.of(cut);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--cut: " + e.getMessage(), e);
    }
    if (topology.fibers().stream().noneMatch(f -> f.id().equals(fiber))) {
      throw new IllegalArgumentException("--cut: " + setting.inventoryPath() + " has no fiber '"
          + cut + "'; its fibers: " + String.join(", ", fibers));
    }
    PrintWriter stdout = session.out();
    stdout.printf("Ferry demo, simulated mode: %s from %s, %d sites, %d VNFs (%s).%n",
        inventory.name(), setting.inventoryPath(), topology.sites().size(),
        inventory.vnfs().size(), inventory.vnfs().stream()
            .map(v -> v.id() + " " + v.kind().name() + " at " + v.placement().site())
            .collect(Collectors.joining(", ")));
    stdout.printf("Cutting %s. Times are simulated seconds since the cut.%n%n", fiber);
    session.deployment().world().optical().cutFiber(fiber);
    return session.finish(Map.of("cut", fiber.value()), out);
  }

  /**
   * The same flow with the optical layer on a TransportPCE (or the emulator) over HTTP, in real
   * time: the fibre is cut through the emulator's admin API, and Ferry hears of it on the
   * controller's notification stream. The compute, packet and probe layers stay simulated, on a
   * clock that follows real time and skips their simulated waits.
   */
  private int overHttp(ReferenceSetting.Options options) throws InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    TransportPceSettings settings = optical.settings();
    FiberId fiber = FiberId.of(cut);
    ReferenceSetting.topology(options.interSiteDistance()).fiber(fiber);
    ExecutorService runner = Executors.newSingleThreadExecutor(
        r -> Thread.ofPlatform().daemon().name("ferry-workflow").unstarted(r));
    try (TransportPceOpticalController controller = new TransportPceOpticalController(settings,
        ReferenceSetting.topology(options.interSiteDistance()))) {
      SimulatedDeployment deployment = SimulatedDeployment.referenceSetting(options,
          SimulationSettings.defaults(), CalibratedMigrationModel.reference(),
          new SkippingTimeSource(), controller);
      stdout.printf("Ferry demo, optical layer on %s (real time), compute simulated: EPC (HSS,"
          + " MME, SPGW) as %s, %s flavor, %s backhaul.%n", controller.client().peer(),
          options.virtualization().displayName(), options.flavor().displayName(),
          options.backhaul().displayName());
      stdout.printf("Cutting %s through the emulator's admin API. Times are seconds since the"
          + " cut: real for optical steps, simulated for compute.%n%n", fiber);
      Timeline timeline = new Timeline(stdout);
      timeline.startAt(deployment.world().time().now());
      Orchestrator orchestrator = deployment.orchestrator(
          deployment.workflowSettings().withApproachPolicy(setting.approachPolicy()), timeline,
          runner);
      new EmulatorAdmin(settings).cut(fiber);
      List<RunReport> reports = RunOutput.awaitRun(orchestrator,
          settings.followTimeout().multipliedBy(3).plusSeconds(30));
      var context = setting.describe();
      context.put("cut", fiber.value());
      context.put("optical", settings.base().toString());
      return RunOutput.finish(reports, context, out, stdout, spec.commandLine().getErr());
    } finally {
      runner.shutdownNow();
    }
  }
}
