package org.ferry.compute.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.network.HostId;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Provenance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.LiveMigratable;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.SwitchOverListener;
import org.ferry.seam.compute.Vim;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * QEMU guests (TCG) in the testbed's site namespaces, live-migrated between them over QMP.
 *
 * <p>A move: start the destination QEMU with {@code -incoming defer} on a tap in the destination
 * site's bridge (pre-live), set capabilities and parameters on both ends, {@code migrate} over the
 * lightpath and follow {@code query-migrate} every 10 ms (live), tell the listener the moment the
 * destination runs, then quit the source so its tap is free for a move back (post-live). The
 * destination's QEMU announces the guest's MAC, so the guest keeps its MAC and IP.
 *
 * <p>Pre-copy that stops making progress (a cut link, a dead destination) is cancelled, and the
 * guest runs on at the source. Pre-copy that does not converge is handled by the tuning's {@link
 * ConvergencePolicy}. After a post-copy switch-over the guest cannot go back: a link failure then
 * pauses the page pull, which resumes when the link returns within the tuning's post-copy
 * recovery time; after that the guest is lost.
 *
 * <p>This class is the façade; {@link GuestLauncher} starts and ends the QEMU processes and {@link
 * MigrationRun} drives one move.
 */
public final class QemuVim implements Vim, LiveMigratable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QemuVim.class);

  private final TestbedLayout layout;
  private final GuestLauncher launcher;
  private final Map<VnfId, Guest> guests = new ConcurrentHashMap<>();
  private final AtomicInteger ports = new AtomicInteger(4446);
  private volatile MigrationTuning tuning;

  /**
   * @param layout the testbed whose sites the guests run in (it must be up)
   * @param artefacts the guest kernel and initramfs
   * @param workDir where QMP sockets, serial consoles and QEMU logs go (keep it short: socket
   *     paths are limited to 107 bytes)
   */
  public QemuVim(TestbedLayout layout, TestbedArtefacts artefacts, Path workDir,
      MigrationTuning tuning) {
    this.layout = layout;
    this.launcher = new GuestLauncher(layout, artefacts, workDir);
    this.tuning = tuning;
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + workDir + ": " + e.getMessage(), e);
    }
  }

  public void setTuning(MigrationTuning tuning) {
    this.tuning = tuning;
  }

  public MigrationTuning tuning() {
    return tuning;
  }

  @Override
  public String name() {
    return "qemu@" + layout.siteA().site() + "," + layout.siteB().site();
  }

  @Override
  public Virtualization virtualization() {
    return Virtualization.VM;
  }

  @Override
  public Set<MigrationApproach> approaches() {
    return EnumSet.of(MigrationApproach.PRE_COPY, MigrationApproach.POST_COPY);
  }

  @Override
  public Optional<Placement> locate(VnfId vnf) {
    Guest g = guests.get(vnf);
    return g == null ? Optional.empty() : Optional.of(g.placement);
  }

  @Override
  public boolean isRunning(VnfId vnf) {
    Guest g = guests.get(vnf);
    if (g == null || !g.current.process().isAlive()) {
      return false;
    }
    try {
      return "running".equals(g.current.status());
    } catch (QmpException e) {
      return false;
    }
  }

  @Override
  public Provenance figures() {
    return Provenance.MEASURED;
  }

  /**
   * The version of the QEMU the guests run on, e.g. "10.0.2"; throws, saying why and what to do,
   * if it would lose guest writes in a migration (see {@link QemuVersion}).
   */
  public String qemuVersion() {
    return launcher.qemuVersion().toString();
  }

  /** The host id this VIM gives a site's QEMU host. */
  public static Placement placement(SiteId site) {
    return new Placement(site, HostId.of(site.value() + "-qemu"));
  }

  /** QEMU's own figures for the guest's last completed move. */
  public Optional<MigrationStats> lastStats(VnfId vnf) {
    Guest g = guests.get(vnf);
    return g == null ? Optional.empty() : Optional.ofNullable(g.lastStats);
  }

  /**
   * Starts a guest at a site and returns once its init has the network up (and its workload
   * runs).
   */
  public Placement start(VnfId vnf, GuestSpec spec, SiteId site) {
    return start(vnf, spec, placement(site));
  }

  /**
   * Starts a guest at a placement (its site's QEMU host, named as the caller's inventory names
   * it) and returns once its init has the network up and its workload or application runs.
   */
  public Placement start(VnfId vnf, GuestSpec spec, Placement at) {
    SiteId site = at.site();
    if (guests.containsKey(vnf)) {
      throw new IllegalArgumentException(vnf + " already runs at " + locate(vnf).orElseThrow());
    }
    Guest g = launcher.prepare(vnf, spec);
    QemuInstance instance = launcher.launch(g, site, false);
    g.current = instance;
    g.placement = at;
    guests.put(vnf, g);
    launcher.awaitBoot(g, instance, () -> stop(vnf));
    LOG.info("guest {} runs at {} ({} MiB, {} vCPU, {})", vnf, site, spec.memoryMib(),
        spec.vcpus(), spec.address());
    return at;
  }

  /**
   * The guest as a VNF of the given kind, at its current placement, for a {@link
   * MigrationRequest}.
   */
  public Vnf describe(VnfId vnf, VnfKind kind, Flavor flavor) {
    Guest g = guests.get(vnf);
    if (g == null) {
      throw new IllegalArgumentException(vnf + " does not run under " + name());
    }
    return new Vnf(vnf, kind, Virtualization.VM, flavor, g.placement,
        Ipv4Address.of(g.spec.address()), BackhaulInterface.FLOATING_IP, List.of());
  }

  /**
   * Whether the guest is sound: its QEMU runs it, and its console shows no kernel fault (nor, for
   * a guest application, the application's end) since it started at its current site.
   *
   * @return empty if sound, else what is wrong
   */
  public Optional<String> fault(VnfId vnf) {
    Guest g = guests.get(vnf);
    if (g == null) {
      return Optional.of(vnf + " does not run under " + name());
    }
    if (!isRunning(vnf)) {
      return Optional.of(vnf + " is not running at " + g.current.site());
    }
    return GuestLauncher.consoleFault(g.current.console()).map(fault -> vnf + " at "
        + g.current.site() + ": on its console: " + fault);
  }

  /**
   * The end of the guest's console at its current site: what its kernel, its init and its
   * application printed last (about 400 characters), or empty if no such guest runs.
   */
  public String consoleTail(VnfId vnf) {
    Guest g = guests.get(vnf);
    return g == null ? "" : QemuInstance.tail(g.current.serial());
  }

  /** The guest's spec, as started. */
  public Optional<GuestSpec> spec(VnfId vnf) {
    return Optional.ofNullable(guests.get(vnf)).map(g -> g.spec);
  }

  /** Stops a guest (quits its QEMU). Stopping one that is not running does nothing. */
  public void stop(VnfId vnf) {
    Guest g = guests.remove(vnf);
    if (g != null) {
      launcher.terminate(g.current);
    }
  }

  /**
   * Asks the running migration of this guest to stop; it then fails with the guest running at the
   * source. Has no effect after a post-copy switch-over, when the guest cannot go back.
   *
   * @return whether a migration was running
   */
  public boolean cancel(VnfId vnf) {
    Guest g = guests.get(vnf);
    if (g == null || !g.migrating) {
      return false;
    }
    g.cancelRequested = true;
    return true;
  }

  @Override
  public MigrationOutcome liveMigrate(MigrationRequest request, SwitchOverListener onSwitchOver) {
    VnfId vnf = request.vnf().id();
    Guest g = guests.get(vnf);
    if (g == null) {
      throw new MigrationFailedException(name(), vnf + " does not run under this VIM", false);
    }
    if (!approaches().contains(request.approach())) {
      throw new IllegalArgumentException(name() + " cannot " + request.approach().displayName());
    }
    synchronized (g) {
      g.migrating = true;
      g.cancelRequested = false;
      try {
        return new MigrationRun(name(), launcher, layout, ports, () -> guests.remove(g.id), g,
            request, onSwitchOver, tuning).run();
      } finally {
        g.migrating = false;
      }
    }
  }

  /** Quits every QEMU this VIM started. */
  @Override
  public void close() {
    guests.clear();
    launcher.terminateAll();
  }
}
