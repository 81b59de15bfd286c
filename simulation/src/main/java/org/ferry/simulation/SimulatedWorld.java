package org.ferry.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.SwitchPort;
import org.ferry.model.network.Testbed;
import org.ferry.model.network.Topology;
import org.ferry.model.network.TransponderClass.NetworkRole;
import org.ferry.model.report.Provenance;
import org.ferry.model.report.ServiceRecovery;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.prediction.MigrationModel;
import org.ferry.seam.packet.FlowRule;
import org.ferry.seam.probe.UeWatch;
import org.ferry.seam.optical.OpticalController;
import org.ferry.time.TimeSource;

/**
 * The digital twin: one simulated network and compute layer in virtual time. It owns the
 * simulated optical controller, packet controller, VIMs and probe, and the state they share:
 * where each VNF runs, whether it runs, and whether the RAN reaches it. It can read lightpaths
 * from a real optical controller instead of its own ({@link #useOptical}), on a clock that
 * follows real time and skips its own waits.
 *
 * <p>A VNF <em>serves</em> when it runs, and the backhaul rule for its address at every RAN site
 * leads, over a tenant lightpath in service, to the site where it runs, and the backhaul
 * interface has reconnected since the rule last changed. The UE watch measures the gaps in that.
 *
 * <p>Driven from one thread at a time, as virtual time requires; methods are synchronized so that
 * a stray thread cannot corrupt it.
 */
public final class SimulatedWorld {

  private final TimeSource time;
  private final Topology topology;
  private final SimulationSettings settings;
  private final Testbed testbed;
  private final SplittableRandom random;
  private final SimulatedFaults faults = new SimulatedFaults();
  private final Map<VnfId, Instance> instances = new TreeMap<>();

  private final SimulatedOpticalController optical;
  /** Where the twin reads lightpaths from: its own optical controller, or a real one. */
  private volatile OpticalController lightpathSource;
  private final SimulatedFlowController flows;
  private final SimulatedVmVim vms;
  private final SimulatedContainerVim containers;
  private final SimulatedServiceProbe probe;

  /** What the twin knows of one VNF. */
  private static final class Instance {
    final Vnf vnf;
    Placement placement;
    boolean running = true;
    boolean lost;
    Instant readyAt = Instant.MIN;
    Instant outageStart;
    final List<Instant[]> outages = new ArrayList<>();

    Instance(Vnf vnf) {
      this.vnf = vnf;
      this.placement = vnf.placement();
    }
  }

  /**
   * @param model the model whose predictions the simulated VIMs play out
   * @param testbed the compute sites' hardware, which the model predicts with
   */
  public SimulatedWorld(
      TimeSource time, Topology topology, SimulationSettings settings,
      MigrationModel model, Testbed testbed) {
    this.time = Objects.requireNonNull(time, "time");
    this.testbed = Objects.requireNonNull(testbed, "testbed");
    this.topology = Objects.requireNonNull(topology, "topology");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.random = new SplittableRandom(settings.seed());
    this.optical = new SimulatedOpticalController(this);
    this.lightpathSource = optical;
    this.flows = new SimulatedFlowController(this);
    this.vms = new SimulatedVmVim(this, Objects.requireNonNull(model, "model"));
    this.containers = new SimulatedContainerVim(this, model);
    this.probe = new SimulatedServiceProbe(this);
  }

  public TimeSource time() {
    return time;
  }

  /**
   * Makes the twin read lightpaths from another optical controller (a TransportPCE over HTTP,
   * say) instead of its own, and re-evaluate who serves whenever that controller reports a fault.
   */
  public void useOptical(OpticalController controller) {
    this.lightpathSource = java.util.Objects.requireNonNull(controller, "controller");
    controller.addListener(event -> refresh());
  }

  /** The optical controller the twin reads lightpaths from. */
  public OpticalController lightpathSource() {
    return lightpathSource;
  }

  /** The compute sites' hardware. */
  public Testbed testbed() {
    return testbed;
  }

  public Topology topology() {
    return topology;
  }

  public SimulationSettings settings() {
    return settings;
  }

  public SimulatedOpticalController optical() {
    return optical;
  }

  public SimulatedFlowController flows() {
    return flows;
  }

  public SimulatedVmVim vms() {
    return vms;
  }

  public SimulatedContainerVim containers() {
    return containers;
  }

  public SimulatedServiceProbe probe() {
    return probe;
  }

  /** Where tests and experiments script compute faults. */
  public SimulatedFaults faults() {
    return faults;
  }

  /**
   * Starts a VNF where its placement says, running.
   *
   * @throws IllegalArgumentException if the id is taken or the host is not in the topology
   */
  public synchronized void deploy(Vnf vnf) {
    Site site = topology.requireSite(vnf.placement().site());
    if (site.hosts().stream().noneMatch(h -> h.id().equals(vnf.placement().host()))) {
      throw new IllegalArgumentException(
          "host " + vnf.placement().host() + " is not at site " + site.id());
    }
    if (instances.putIfAbsent(vnf.id(), new Instance(vnf)) != null) {
      throw new IllegalArgumentException("VNF " + vnf.id() + " is deployed already");
    }
  }

  // ---- for the simulated drivers ----

  synchronized Optional<Placement> placement(VnfId id) {
    Instance instance = instances.get(id);
    return instance == null || instance.lost ? Optional.empty()
        : Optional.of(instance.placement);
  }

  synchronized Optional<Vnf> vnf(VnfId id) {
    return Optional.ofNullable(instances.get(id)).map(i -> i.vnf);
  }

  synchronized boolean running(VnfId id) {
    Instance instance = instances.get(id);
    return instance != null && instance.running && !instance.lost;
  }

  synchronized void pause(VnfId id) {
    require(id).running = false;
    refresh();
  }

  synchronized void resumeAt(VnfId id, Placement placement) {
    Instance instance = require(id);
    instance.placement = placement;
    instance.running = true;
    refresh();
  }

  synchronized void lose(VnfId id) {
    Instance instance = require(id);
    instance.running = false;
    instance.lost = true;
    refresh();
  }

  /** A flow changed: if it steers a VNF's address, that VNF's interface must reconnect. */
  synchronized void flowInstalled(FlowRule rule) {
    List<Lightpath> lightpaths = lightpathSource.lightpaths();
    if (rule.ipv4Destination().isPresent()) {
      for (Instance instance : instances.values()) {
        if (instance.vnf.address().equals(rule.ipv4Destination().get())) {
          Instant now = time.now();
          instance.readyAt = now.plus(reconnectTime(instance.vnf.backhaul()));
          if (instance.outageStart == null && reachable(instance, lightpaths)) {
            // Serving until now, but its interface must reconnect on the new path.
            instance.outages.add(new Instant[] {now, instance.readyAt});
          }
        }
      }
    }
    refresh(lightpaths);
  }

  /** Something in the network changed; re-evaluate who serves. */
  synchronized void refresh() {
    refresh(lightpathSource.lightpaths());
  }

  /** {@link #refresh()} with the lightpaths as the optical controller gave them just now. */
  private void refresh(List<Lightpath> lightpaths) {
    Instant now = time.now();
    for (Instance instance : instances.values()) {
      boolean reachable = reachable(instance, lightpaths);
      if (!reachable && instance.outageStart == null) {
        instance.outageStart = now;
      } else if (reachable && instance.outageStart != null) {
        Instant end = instance.readyAt.isAfter(now) ? instance.readyAt : now;
        instance.outages.add(new Instant[] {instance.outageStart, end});
        instance.outageStart = null;
      }
    }
  }

  /** Multiplies a duration by a seeded random factor within ±noise. */
  synchronized Duration jitter(Duration duration) {
    double factor = 1 + settings.noise() * (2 * random.nextDouble() - 1);
    return Duration.ofNanos(Math.round(duration.toNanos() * factor));
  }

  synchronized boolean answers(VnfId id, Placement at) {
    Instance instance = instances.get(id);
    return instance != null
        && instance.placement.equals(at)
        && reachable(instance, lightpathSource.lightpaths())
        && !time.now().isBefore(instance.readyAt);
  }

  synchronized UeWatch watch(VnfId id) {
    Instance instance = require(id);
    Instant start = time.now();
    int ues = instance.vnf.kind().carriesUserPlane() ? settings.uesPerUserPlane() : 0;
    return () -> {
      synchronized (SimulatedWorld.this) {
        Instant now = time.now();
        Duration longest = Duration.ZERO;
        List<Instant[]> seen = new ArrayList<>(instance.outages);
        if (instance.outageStart != null) {
          seen.add(new Instant[] {instance.outageStart, now});
        }
        for (Instant[] outage : seen) {
          Instant from = outage[0].isBefore(start) ? start : outage[0];
          Instant to = outage[1].isAfter(now) ? now : outage[1];
          if (to.isAfter(from)) {
            Duration gap = Duration.between(from, to);
            longest = gap.compareTo(longest) > 0 ? gap : longest;
          }
        }
        // A UE's session survives a move unless the function holding it is lost.
        int reattached = instance.lost ? ues : 0;
        return new ServiceRecovery(ues, longest, reattached, Provenance.SIMULATED);
      }
    };
  }

  /**
   * Whether the RAN reaches the instance where it runs, over {@code lightpaths}: one reading of
   * the optical controller per question, since over HTTP each reading is a request.
   */
  private boolean reachable(Instance instance, List<Lightpath> lightpaths) {
    if (!instance.running || instance.lost) {
      return false;
    }
    SiteId home = instance.placement.site();
    Set<SiteId> served = servedRanSites(instance.vnf);
    for (Site site : topology.sites()) {
      if (site.role() != Site.Role.RAN || site.id().equals(home)
          || (!served.isEmpty() && !served.contains(site.id()))) {
        continue;
      }
      Optional<FlowRule> rule = flows.steering(site.topOfRack(), instance.vnf.address());
      if (rule.isEmpty() || !leadsTo(rule.get().output(), home, lightpaths)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The RAN sites a function serves: those it has an SLA toward. One with none (an HSS) serves
   * every RAN site, so that in a network with many RAN sites a function need not be reached from
   * cells it has nothing to do with.
   */
  private static Set<SiteId> servedRanSites(Vnf vnf) {
    Set<SiteId> sites = new HashSet<>();
    for (SlaRequirement requirement : vnf.sla()) {
      if (requirement.peer() instanceof Peer.AtSite atSite) {
        sites.add(atSite.site());
      }
    }
    return sites;
  }

  /** Whether frames out of {@code port} reach {@code site} over a tenant lightpath in service. */
  private boolean leadsTo(SwitchPort port, SiteId site, List<Lightpath> lightpaths) {
    for (Lightpath lp : lightpaths) {
      if (!lp.inService() || lp.kind().role() != NetworkRole.TENANT) {
        continue;
      }
      for (Lightpath.End[] ends : List.of(
          new Lightpath.End[] {lp.aEnd(), lp.zEnd()}, new Lightpath.End[] {lp.zEnd(), lp.aEnd()})) {
        if (topology.transponder(ends[0].xponder()).clientPort().equals(port)
            && ends[1].site().equals(site)) {
          return true;
        }
      }
    }
    return false;
  }

  private Duration reconnectTime(BackhaulInterface backhaul) {
    return switch (backhaul) {
      case OPENVPN -> settings.openVpnReconnect();
      case FLOATING_IP -> settings.floatingIpReassociation();
    };
  }

  private Instance require(VnfId id) {
    Instance instance = instances.get(id);
    if (instance == null) {
      throw new IllegalArgumentException("VNF " + id + " is not deployed in the simulation");
    }
    return instance;
  }
}
