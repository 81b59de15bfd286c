package org.ferry.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.ferry.inventory.Inventory;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Topology;
import org.ferry.model.report.RunReport;
import org.ferry.optical.transportpce.EmulatorAdmin;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.run.RunService;
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
      "Cuts a fibre under the EPC and runs the fault-recovery flow.",
      "Brings up the reference setting (a RAN site and two compute sites on a DWDM ring, the EPC"
          + " at site-a), cuts the backhaul fibre and runs the flow.",
      "Prints a timeline of every step in simulated time, then per VNF the approach, migration"
          + " time, downtime, bytes moved and the UE service recovery time.",
      "--inventory FILE: the same on the network FILE describes; --cut names one of its fibres.",
      "--mode testbed (root, Linux): the same flow on real parts: network namespaces, links that"
          + " follow the optical services, the EPC stand-ins as QEMU guests (--virtualization vm)"
          + " or CRIU containers (--virtualization container), 10 UEs in the RAN; every figure"
          + " measured.",
      "--optical URL: the optical layer on a TransportPCE over HTTP, its word on fibres and routes"
          + " winning over Ferry's inventory; the fibre is cut only on Ferry's emulator, a real"
          + " controller's failure is waited for (--fault-timeout)."
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

  @Option(names = "--out", paramLabel = "DIR", converter = WritableDirectory.class,
      description = "Also write the run as DIR/report.json and DIR/summary.csv")
  Path out;

  @Option(names = "--fault-timeout", defaultValue = "900", paramLabel = "SECONDS",
      description = "With --optical on a controller other than Ferry's emulator: how long to wait"
          + " for it to report a real failure (default: ${DEFAULT-VALUE})")
  long faultTimeoutSeconds;

  @Option(names = "--testbed-prefix", defaultValue = "ferry-demo", hidden = true,
      description = "--mode testbed: the prefix of the testbed's namespaces")
  String testbedPrefix;

  @Override
  public Integer call() throws InterruptedException {
    if (setting.hasInventory() && setting.testbedMode()) {
      throw new IllegalArgumentException("--inventory does not go with --mode testbed yet: the"
          + " testbed in a box builds the reference setting; drop --inventory");
    }
    if (cut == null && !setting.hasInventory()) {
      cut = REFERENCE_CUT;
    }
    if (setting.testbedMode()) {
      return new TestbedDemo(spec.commandLine().getOut(), spec.commandLine().getErr(), setting,
          optical, testbedPrefix).run(FiberId.of(cut), out);
    }
    if (optical.enabled()) {
      return overHttp();
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
   * time, deciding on what the controller says (its fibres, its restored route). On Ferry's
   * emulator the fibre is cut through its admin API; a real controller has no such API, so there
   * Ferry injects nothing and waits for the controller to report a real failure. Either way Ferry
   * hears of the fault on the controller's notification stream.
   */
  private int overHttp() throws InterruptedException {
    if (faultTimeoutSeconds <= 0) {
      throw new IllegalArgumentException("--fault-timeout must be above 0 seconds, got "
          + faultTimeoutSeconds);
    }
    Topology network = setting.network().topology();
    if (cut == null) {
      throw new IllegalArgumentException("--cut is required with --inventory: name the fibre"
          + " to cut, one of " + network.fibers().stream().map(f -> f.id().value()).toList());
    }
    FiberId fiber = FiberId.of(cut);
    network.fiber(fiber); // lists the known fibres if unknown
    ReferenceSetting.Options options = setting.toSetting();
    try (HttpOpticalSession session = HttpOpticalSession.start(spec, setting, optical)) {
      PrintWriter stdout = session.out();
      String peer = session.controller().client().peer();
      boolean emulator = session.onEmulator();
      stdout.printf("Ferry demo, optical layer on %s (real time), compute simulated: EPC (HSS,"
          + " MME, SPGW) as %s, %s flavor, %s backhaul.%n", peer,
          options.virtualization().displayName(), options.flavor().displayName(),
          options.backhaul().displayName());
      session.printDisagreements();
      Duration runTimeout = session.settings().followTimeout().multipliedBy(3).plusSeconds(30);
      Awaited run = emulator ? cutOnEmulator(session, fiber, runTimeout)
          : awaitRealFailure(session, runTimeout);
      List<RunReport> reports = RunOutput.awaitRun(run.orchestrator(), runTimeout, run.expired());
      return session.finish(reports, emulator ? Map.of("cut", fiber.value()) : Map.of(), out);
    }
  }

  /** The orchestrator a fault will start a run on, and what to say if none finishes in time. */
  private record Awaited(RunService orchestrator, String expired) {}

  private static Awaited cutOnEmulator(HttpOpticalSession session, FiberId fiber,
      Duration runTimeout) {
    session.out().printf("Cutting %s through the emulator's admin API. Times are seconds since"
        + " the cut: real for optical steps, simulated for compute.%n%n", fiber);
    RunService orchestrator = session.startOrchestrator();
    new EmulatorAdmin(session.settings()).cut(fiber);
    return new Awaited(orchestrator, "no fault-recovery run finished within " + runTimeout
        + " of the cut; did " + session.controller().client().peer() + " report the cut on its"
        + " notification stream?");
  }

  /**
   * A real controller: nothing is injected; the run starts when the controller reports a fibre
   * failure, which must come within --fault-timeout.
   *
   * @throws IllegalStateException if no failure is reported in time
   */
  private Awaited awaitRealFailure(HttpOpticalSession session, Duration runTimeout)
      throws InterruptedException {
    String peer = session.controller().client().peer();
    session.out().printf("%s is not Ferry's emulator, so Ferry injects no fault: it waits up to"
        + " %d s (--fault-timeout) for the controller to report a real failure on its"
        + " notification stream. Times are seconds since now.%n%n", peer, faultTimeoutSeconds);
    session.out().flush();
    CountDownLatch failed = new CountDownLatch(1);
    session.controller().addListener(event -> {
      if (event instanceof OpticalEvent.FiberFailed) {
        failed.countDown();
      }
    });
    RunService orchestrator = session.startOrchestrator();
    if (!failed.await(faultTimeoutSeconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no failure notification from " + peer + " within "
          + faultTimeoutSeconds + " s (--fault-timeout); nothing failed, so nothing was done");
    }
    return new Awaited(orchestrator, "no fault-recovery run finished within " + runTimeout
        + " of the failure " + peer + " reported");
  }
}
