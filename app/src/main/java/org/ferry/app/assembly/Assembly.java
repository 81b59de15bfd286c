package org.ferry.app.assembly;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.ferry.decision.SitePaths;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.OpticalControllerSpec;
import org.ferry.inventory.VimDriver;
import org.ferry.model.network.HostId;
import org.ferry.model.network.Testbed;
import org.ferry.model.vnf.Vnf;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.run.OrphanedLightpaths;
import org.ferry.run.RunService;
import org.ferry.run.RunStore;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.simulation.SimulationSettings;
import org.ferry.time.SkippingTimeSource;
import org.ferry.time.TimeSource;
import org.ferry.time.VirtualTimeSource;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.Steering;
import org.ferry.workflow.WorkflowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ferry assembled from an inventory: the optical layer the inventory names (the twin's own, or a
 * TransportPCE over HTTP; {@code --optical URL} overrides it), the compute, packet and probe
 * layers of the twin for hosts whose VIM driver is {@code simulated} ({@link #of}) or real parts
 * built by the testbed in a box ({@link #onParts}), the calibrated model, and the run service
 * over them: the one place {@code demo}, {@code demo --mode testbed}, {@code migrate} and {@code
 * server} get their Ferry from.
 *
 * <p>The clock follows from the parts: virtual time when everything is simulated and runs go one
 * at a time (deterministic); real time with the twin's waits skipped when a real controller is
 * in the loop or runs go concurrently (a server).
 *
 * <p>Not thread-safe to build; {@link #close()} stops following the optical controller.
 */
public final class Assembly implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Assembly.class);

  /** How runs will go. */
  public enum Runs {
    /** One at a time, on the thread that asks: a one-shot command. */
    ONE_AT_A_TIME,
    /** Several at once on a pool: the server. */
    CONCURRENT
  }

  private final Inventory inventory;
  private final Optional<SimulatedDeployment> deployment;
  private final Southbound southbound;
  private final WorkflowSettings workflowSettings;
  private final Optional<TransportPceOpticalController> opticalClient;
  private OrphanedLightpaths.Sweep orphans = new OrphanedLightpaths.Sweep(List.of(), List.of());

  private Assembly(Inventory inventory, Optional<SimulatedDeployment> deployment,
      Southbound southbound, WorkflowSettings workflowSettings,
      Optional<TransportPceOpticalController> opticalClient) {
    this.inventory = inventory;
    this.deployment = deployment;
    this.southbound = southbound;
    this.workflowSettings = workflowSettings;
    this.opticalClient = opticalClient;
  }

  private static Assembly ofTwin(Inventory inventory, SimulatedDeployment deployment,
      Optional<TransportPceOpticalController> opticalClient) {
    return new Assembly(inventory, Optional.of(deployment), deployment.southbound(),
        deployment.workflowSettings(), opticalClient);
  }

  /**
   * Ferry over parts built elsewhere: real drivers (the testbed in a box's QEMU or CRIU VIM, its
   * packet layer and UE probe) under the seams. The inventory's VNFs are the inventory's with
   * the addresses the parts gave them; each VNF's backhaul is steered to where it runs, as in
   * the twin.
   *
   * @param parts the layers; {@link Southbound#vnfs()} holds the VNFs as deployed
   * @param testbed the compute sites' hardware, as the migration models know it
   */
  public static Assembly onParts(Inventory inventory, Southbound parts, Testbed testbed,
      Optional<TransportPceOpticalController> opticalClient) {
    WorkflowSettings settings =
        WorkflowSettings.defaults(CalibratedMigrationModel.reference()).withTestbed(testbed);
    Steering steering = new Steering(parts.optical().topology(), settings);
    SitePaths paths = new SitePaths(parts.optical().lightpaths());
    for (Vnf vnf : parts.vnfs().all()) {
      steering.backhaulTo(vnf, vnf.placement().site(), paths).forEach(parts.flows()::install);
    }
    return new Assembly(inventory, Optional.empty(), parts, settings, opticalClient);
  }

  /**
   * Assembles Ferry over the inventory's network.
   *
   * @param testbed the compute sites' hardware, as the migration models know it
   * @param opticalOverride a controller to use instead of the one the inventory names
   * @throws IllegalArgumentException if a host's VIM driver cannot run here, or the inventory's
   *     controller's password file cannot be read, naming the host or the file
   * @throws org.ferry.seam.SouthboundException if the optical controller cannot be reached
   * @throws IllegalStateException if the controller lacks a lightpath the inventory needs
   */
  public static Assembly of(Inventory inventory, Testbed testbed,
      Optional<TransportPceSettings> opticalOverride, Runs runs) {
    Objects.requireNonNull(inventory, "inventory");
    requireSimulatedCompute(inventory.drivers());
    Optional<TransportPceSettings> optical =
        opticalOverride.or(() -> settingsOf(inventory.optical()));
    SimulationSettings simulation = SimulationSettings.defaults();
    CalibratedMigrationModel model = CalibratedMigrationModel.reference();
    if (optical.isEmpty()) {
      TimeSource time = runs == Runs.CONCURRENT ? new SkippingTimeSource()
          : VirtualTimeSource.startingAtEpochOfRuns();
      return ofTwin(inventory,
          SimulatedDeployment.of(inventory, testbed, simulation, model, time), Optional.empty());
    }
    TransportPceOpticalController controller =
        new TransportPceOpticalController(optical.get(), inventory.topology());
    try {
      // No run of this process is live yet: a Ferry temporary lightpath there now was left by a
      // run that was killed before it could release it.
      OrphanedLightpaths.Sweep orphans = OrphanedLightpaths.release(controller, id -> false);
      // A real controller's waits are real: the twin's own waits are skipped, not slept.
      SimulatedDeployment deployment = SimulatedDeployment.of(inventory, testbed, simulation,
          model, new SkippingTimeSource(), controller);
      Assembly assembly = ofTwin(inventory, deployment, Optional.of(controller));
      assembly.orphans = orphans;
      return assembly;
    } catch (RuntimeException e) {
      controller.close();
      throw e;
    }
  }

  /**
   * The real VIM drivers (QEMU, CRIU) still take the testbed in a box's namespace layout, which
   * {@code ferry demo --mode testbed} sets up; anywhere else a host must be simulated.
   */
  private static void requireSimulatedCompute(Map<HostId, VimDriver> drivers) {
    List<String> real = drivers.entrySet().stream()
        .filter(e -> !e.getValue().name().equals(VimDriver.SIMULATED.name()))
        .map(e -> e.getKey() + " (" + e.getValue().name() + ")").sorted().toList();
    if (!real.isEmpty()) {
      throw new IllegalArgumentException("hosts " + real + " use real VIM drivers, which Ferry"
          + " drives only on the testbed in a box for now (ferry demo --mode testbed); here"
          + " every host needs vim: simulated");
    }
  }

  /** The inventory's controller, if it names a TransportPCE. */
  private static Optional<TransportPceSettings> settingsOf(OpticalControllerSpec spec) {
    if (spec.simulated()) {
      return Optional.empty();
    }
    String url = spec.url().orElseThrow(() -> new IllegalArgumentException(
        "optical-controller.url: a transportpce controller needs its RESTCONF base URL"))
        .toString();
    String user = spec.user().orElse("admin");
    String password = spec.passwordFile().map(file -> {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new IllegalArgumentException("optical-controller.password-file: cannot read "
            + file + ": " + e.getMessage(), e);
      }
    }).or(() -> spec.passwordEnv().map(name -> Optional.ofNullable(System.getenv(name))
        .orElseThrow(() -> new IllegalArgumentException("optical-controller.password-env: the"
            + " environment variable " + name + " is not set")))).orElse("admin");
    TransportPceSettings settings =
        TransportPceSettings.defaults(url).withCredentials(user, password);
    if (settings.defaultCredentialsOffLoopback()) {
      log.warn("the optical controller at {} is reached with OpenDaylight's default admin/admin;"
          + " set optical-controller.user and password-file or password-env", url);
    }
    return Optional.of(spec.caFile().map(settings::withCaFile).orElse(settings));
  }

  /** The temporary lightpaths of killed runs found at start, and released (or not). */
  public OrphanedLightpaths.Sweep orphans() {
    return orphans;
  }

  /** The network Ferry runs on. */
  public Inventory inventory() {
    return inventory;
  }

  /**
   * The twin under the compute, packet and probe seams (and the optical one, if simulated).
   *
   * @throws IllegalStateException if this assembly runs on real parts ({@link #onParts})
   */
  public SimulatedDeployment deployment() {
    return deployment.orElseThrow(() -> new IllegalStateException(
        "this assembly runs on real parts, not in the twin"));
  }

  /** The TransportPCE client, if the optical layer is on one. */
  public Optional<TransportPceOpticalController> opticalClient() {
    return opticalClient;
  }

  /** What the workflows drive. */
  public Southbound southbound() {
    return southbound;
  }

  /** The workflow settings the network was brought up with. */
  public WorkflowSettings workflowSettings() {
    return workflowSettings;
  }

  /**
   * A run service over this assembly, following the optical controller already.
   */
  public RunService runService(WorkflowSettings settings, RunStore store, Executor executor,
      RunListener listener) {
    return runService(southbound, settings, store, executor, listener);
  }

  /**
   * A run service over {@code southbound} (this assembly's, or one that wraps it: metered, say),
   * following the optical controller already.
   */
  public static RunService runService(Southbound southbound, WorkflowSettings settings,
      RunStore store, Executor executor, RunListener listener) {
    RunService service = new RunService(southbound, settings, store, executor, listener);
    service.start();
    return service;
  }

  @Override
  public void close() {
    opticalClient.ifPresent(TransportPceOpticalController::close);
  }
}
