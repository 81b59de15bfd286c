package org.ferry.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.ferry.decision.SitePaths;
import org.ferry.model.network.Topology;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.LightpathSpec;
import org.ferry.model.network.Testbed;
import org.ferry.model.vnf.Vnf;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationModel;
import org.ferry.store.InMemoryVnfStore;
import org.ferry.store.VnfStore;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.seam.optical.OpticalController;
import org.ferry.time.TimeSource;
import org.ferry.time.VirtualTimeSource;
import java.util.concurrent.Executor;
import org.ferry.workflow.ComputeLayer;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunService;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.Steering;
import org.ferry.workflow.WorkflowSettings;

/**
 * A network brought up in the twin, in steady state: lightpaths in service, the VNFs running
 * where the inventory places them (the reference setting: the EPC at site-a), the backhaul
 * steered to them. Ready for a fault to be injected.
 */
public final class SimulatedDeployment {

  /** How long the twin runs in steady state before anything is injected. */
  public static final Duration SETTLE = Duration.ofSeconds(30);

  private final SimulatedWorld world;
  private final VnfStore vnfs;
  private final WorkflowSettings workflowSettings;
  private final OpticalController optical;

  private SimulatedDeployment(SimulatedWorld world, VnfStore vnfs, WorkflowSettings settings,
      OpticalController optical) {
    this.world = world;
    this.optical = optical;
    this.vnfs = vnfs;
    this.workflowSettings = settings;
  }

  /**
   * Brings the reference setting up.
   *
   * @param options what varies in the setting
   * @param simulation how the twin behaves
   * @param model the migration model the twin plays moves out with, and Ferry decides with
   */
  public static SimulatedDeployment referenceSetting(
      ReferenceSetting.Options options, SimulationSettings simulation, MigrationModel model) {
    return referenceSetting(options, simulation, model, VirtualTimeSource.startingAtEpochOfRuns());
  }

  /**
   * Brings the reference setting up, the twin's optical layer included, on the clock given: real
   * time with skipped waits ({@link org.ferry.time.SkippingTimeSource}) for a long-running server
   * whose runs go concurrently on a thread pool, where one virtual clock shared by parallel runs
   * would not mean anything.
   */
  public static SimulatedDeployment referenceSetting(ReferenceSetting.Options options,
      SimulationSettings simulation, MigrationModel model, TimeSource time) {
    Objects.requireNonNull(options, "options");
    return of(ReferenceSetting.inventory(options), options.testbed(), simulation, model, time);
  }

  /**
   * Brings the network an inventory describes up in the twin, in virtual time: its topology,
   * its lightpaths set up in the twin's optical controller (whatever controller the inventory
   * names: the twin simulates the optical layer), its VNFs deployed where it places them, the
   * backhaul steered to each.
   *
   * @param inventory the network
   * @param testbed the compute sites' hardware, as the migration models know it (the
   *     management xponders are the inventory's own)
   * @param simulation how the twin behaves
   * @param model the migration model the twin plays moves out with, and Ferry decides with
   * @throws IllegalStateException if the twin cannot set up one of the inventory's lightpaths
   *     (no route or no free channel between its xponders)
   */
  public static SimulatedDeployment of(Inventory inventory, Testbed testbed,
      SimulationSettings simulation, MigrationModel model) {
    return of(inventory, testbed, simulation, model, VirtualTimeSource.startingAtEpochOfRuns());
  }

  /**
   * As {@link #of(Inventory, Testbed, SimulationSettings, MigrationModel)}, on the clock given:
   * real time with skipped waits ({@link org.ferry.time.SkippingTimeSource}) for a server whose
   * runs go concurrently.
   */
  public static SimulatedDeployment of(Inventory inventory, Testbed testbed,
      SimulationSettings simulation, MigrationModel model, TimeSource time) {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(time, "time");
    Topology topology = inventory.topology();
    SimulatedWorld world = new SimulatedWorld(time, topology, simulation, model, testbed);
    SimulatedOpticalController optical = world.optical();
    for (LightpathSpec lp : inventory.lightpaths()) {
      optical.provision(lp.id(), topology.transponder(lp.a()), topology.transponder(lp.z()),
          lp.restorable());
    }
    return bringUp(world, inventory.vnfs(), testbed, model, optical);
  }

  /**
   * Brings the reference setting up with the compute, packet and probe layers simulated and the
   * optical layer given: a TransportPCE (or its emulator) over HTTP, say, that already carries
   * the setting's lightpaths ({@code backhaul-ran-a}, {@code backhaul-ran-b}, {@code dci-a-b})
   * in service. The optical layer then runs in real time, so the twin runs on a clock that
   * follows real time and skips its own waits ({@link org.ferry.time.SkippingTimeSource}).
   *
   * @param time the clock; real time with skipped waits, for a real optical controller
   * @param optical the optical controller, over the topology of the setting
   * @throws IllegalStateException if a lightpath of the setting is missing or not in service
   */
  public static SimulatedDeployment referenceSetting(ReferenceSetting.Options options,
      SimulationSettings simulation, MigrationModel model, TimeSource time,
      OpticalController optical) {
    Objects.requireNonNull(options, "options");
    return of(ReferenceSetting.inventory(options), options.testbed(), simulation, model, time,
        optical);
  }

  /**
   * Brings an inventory's network up with the compute, packet and probe layers simulated and the
   * optical layer given, which must already carry the inventory's lightpaths in service.
   *
   * @throws IllegalStateException if one of the inventory's lightpaths is missing or not in
   *     service, naming it
   */
  public static SimulatedDeployment of(Inventory inventory, Testbed testbed,
      SimulationSettings simulation, MigrationModel model, TimeSource time,
      OpticalController optical) {
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(optical, "optical");
    SimulatedWorld world =
        new SimulatedWorld(time, optical.topology(), simulation, model, testbed);
    List<Lightpath> present = optical.lightpaths();
    List<LightpathId> wanted = inventory.lightpaths().stream().map(LightpathSpec::id).toList();
    for (LightpathId id : wanted) {
      if (present.stream().noneMatch(lp -> lp.id().equals(id) && lp.inService())) {
        throw new IllegalStateException("the optical controller has no lightpath " + id
            + " in service; the setting needs " + wanted.stream().map(LightpathId::value)
                .collect(java.util.stream.Collectors.joining(", "))
            + " (an emulator started with its default topology has the reference's)");
      }
    }
    world.useOptical(optical);
    return bringUp(world, inventory.vnfs(), testbed, model, optical);
  }

  private static SimulatedDeployment bringUp(SimulatedWorld world, List<Vnf> epc,
      Testbed testbed, MigrationModel model, OpticalController optical) {
    Topology topology = world.topology();
    epc.forEach(world::deploy);
    WorkflowSettings settings = WorkflowSettings.defaults(model).withTestbed(testbed);
    Steering steering = new Steering(topology, settings);
    SitePaths paths = new SitePaths(optical.lightpaths());
    for (Vnf vnf : epc) {
      steering.backhaulTo(vnf, vnf.placement().site(), paths).forEach(world.flows()::install);
    }
    world.time().sleep(SETTLE);
    return new SimulatedDeployment(world, new InMemoryVnfStore(epc), settings, optical);
  }

  /**
   * Brings the reference setting up with the calibrated model ({@link
   * CalibratedMigrationModel#reference()}) and the twin's default behaviour.
   */
  public static SimulatedDeployment referenceSetting(ReferenceSetting.Options options) {
    return referenceSetting(options, SimulationSettings.defaults(),
        CalibratedMigrationModel.reference());
  }

  public SimulatedWorld world() {
    return world;
  }

  public VnfStore vnfs() {
    return vnfs;
  }

  /** The workflow settings the deployment was brought up with. */
  public WorkflowSettings workflowSettings() {
    return workflowSettings;
  }

  public Southbound southbound() {
    return new Southbound(optical, world.flows(),
        new ComputeLayer(List.of(world.vms(), world.containers())), world.probe(), vnfs,
        world.time());
  }

  /**
   * An orchestrator over this deployment that runs each workflow inline, on the thread that
   * injects the fault, so that runs in virtual time are deterministic. It listens already.
   */
  public RunService orchestrator(WorkflowSettings settings, RunListener listener) {
    RunService orchestrator = new RunService(southbound(), settings, new InMemoryRunStore(),
        Runnable::run, listener);
    orchestrator.start();
    return orchestrator;
  }

  /**
   * An orchestrator over this deployment that runs each workflow on the executor given (a single
   * thread when the optical layer is real and reports faults on its own thread). It listens
   * already.
   */
  public RunService orchestrator(WorkflowSettings settings, RunListener listener,
      Executor executor) {
    RunService orchestrator =
        new RunService(southbound(), settings, new InMemoryRunStore(), executor, listener);
    orchestrator.start();
    return orchestrator;
  }

  /** The optical controller the deployment runs on: the twin's own, or a real one. */
  public OpticalController optical() {
    return optical;
  }
}
