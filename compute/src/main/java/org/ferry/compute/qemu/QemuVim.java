package org.ferry.compute.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.network.HostId;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.Figure;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
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
import org.ferry.testbed.net.CommandRunner;
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
 * loses it (QEMU 7.2 can pause and recover post-copy, which this driver does not do yet).
 */
public final class QemuVim implements Vim, LiveMigratable, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(QemuVim.class);
  private static final Duration POLL = Duration.ofMillis(10);
  private static final Duration QMP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

  /**
   * No global pages and no PCID, with page-table isolation forced on: every kernel entry and exit
   * then flushes QEMU's software TLB. Without this, QEMU 7.2 under TCG loses guest writes during
   * pre-copy (found here: a guest dirtying 5 MB/s oopsed after 8 of 8 moves, in a timer
   * callback; with this, 0 of 2 by hand and none since in the tests and the bench): writes through
   * a TLB entry filled before a dirty-bitmap sync are not marked dirty. The cost is guest speed.
   */
  static final String GUEST_CPU = "qemu64,-pge,-pcid";

  static final String GUEST_KERNEL_ARGS = "pti=on";

  private static final List<String> CONSOLE_FAULTS =
      List.of("Oops", "BUG:", "Kernel panic", "general protection fault", "soft lockup");

  private final TestbedLayout layout;
  private final TestbedArtefacts artefacts;
  private final Path workDir;
  private final CommandRunner run = CommandRunner.withDefaultTimeout();
  private final Map<VnfId, Guest> guests = new ConcurrentHashMap<>();
  private final Set<Instance> instances = ConcurrentHashMap.newKeySet();
  /** Taps known to exist, as "namespace/tap": checking costs a process per move. */
  private final Set<String> taps = ConcurrentHashMap.newKeySet();
  private final AtomicInteger ports = new AtomicInteger(4446);
  private final AtomicInteger counter = new AtomicInteger();
  private final AtomicInteger tapIndex = new AtomicInteger();
  private volatile MigrationTuning tuning;

  /** One QEMU process. */
  private record Instance(SiteId site, Process process, QmpClient qmp, Path log, Path serial) {}

  private static final class Guest {
    final VnfId id;
    final GuestSpec spec;
    final String tap;
    /** The application's disk (a tar), or null for the memory-dirtying workload. */
    Path appDisk;
    volatile Instance current;
    /** Where the guest runs, as the caller named it (the site is current's). */
    volatile Placement placement;
    volatile boolean cancelRequested;
    volatile boolean migrating;
    volatile MigrationStats lastStats;

    Guest(VnfId id, GuestSpec spec, String tap) {
      this.id = id;
      this.spec = spec;
      this.tap = tap;
    }
  }

  /**
   * @param layout the testbed whose sites the guests run in (it must be up)
   * @param artefacts the guest kernel and initramfs
   * @param workDir where QMP sockets, serial consoles and QEMU logs go (keep it short: socket
   *     paths are limited to 107 bytes)
   */
  public QemuVim(TestbedLayout layout, TestbedArtefacts artefacts, Path workDir,
      MigrationTuning tuning) {
    this.layout = layout;
    this.artefacts = artefacts;
    this.workDir = workDir;
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
      return "running".equals(status(g.current));
    } catch (QmpException e) {
      return false;
    }
  }

  @Override
  public Provenance figures() {
    return Provenance.MEASURED;
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
    artefacts.check();
    Guest g = new Guest(vnf, spec, "vm" + tapIndex.getAndIncrement());
    if (spec.application() != null) {
      artefacts.checkGuestRuntime();
      g.appDisk = applicationDisk(vnf, spec.application());
    }
    for (TestbedLayout.SiteNet net : layout.sites()) {
      ensureTap(net, g.tap); // at every site now, so that no move spends its pre-live on it
    }
    Instance instance = launch(g, site, false);
    g.current = instance;
    g.placement = at;
    guests.put(vnf, g);
    String ready = spec.application() != null ? spec.application().readyMarker()
        : spec.dirtyMegabytesPerSecond() > 0 ? "ferry-dirty:" : "ferry-guest: up";
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    String console;
    while (!(console = readQuietly(instance.serial())).contains(ready)) {
      boolean faulted = console.contains("Out of memory") || console.contains("ferry-guest: FAILED")
          || CONSOLE_FAULTS.stream().anyMatch(console::contains);
      if (faulted || !instance.process().isAlive() || System.nanoTime() > deadline) {
        stop(vnf);
        throw new IllegalStateException("guest " + vnf + " did not start at " + site
            + (faulted ? " (a fault on its console)" : " within " + BOOT_TIMEOUT.toSeconds() + " s")
            + "; QEMU log: " + tail(instance.log()) + "; console: "
            + tail(instance.serial()));
      }
      QmpClient.sleep(Duration.ofMillis(50));
    }
    LOG.info("guest {} runs at {} ({} MiB, {} vCPU, {})", vnf, site, spec.memoryMib(),
        spec.vcpus(), spec.address());
    return at;
  }

  /**
   * Writes the application's disk: a tar of its files and {@code run.sh}, which the guest's init
   * unpacks into {@link GuestApplication#DIRECTORY} and runs (scripts/guest/init).
   */
  private Path applicationDisk(VnfId vnf, GuestApplication app) {
    Path staging = workDir.resolve(vnf.value() + ".app");
    Path tar = workDir.resolve(vnf.value() + ".app.tar");
    try {
      if (Files.isDirectory(staging)) {
        try (var old = Files.walk(staging)) {
          for (Path p : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(p);
          }
        }
      }
      Files.createDirectories(staging);
      for (Path f : app.files()) {
        Files.copy(f, staging.resolve(f.getFileName().toString()));
      }
      for (Map.Entry<String, String> t : app.texts().entrySet()) {
        Files.writeString(staging.resolve(t.getKey()), t.getValue());
      }
      StringBuilder line = new StringBuilder("cd " + GuestApplication.DIRECTORY + " && exec");
      for (String arg : app.command()) {
        line.append(" '").append(arg.replace("'", "'\\''")).append('\'');
      }
      Files.writeString(staging.resolve("run.sh"), "#!/bin/sh\n" + line + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("cannot stage " + vnf + "'s application in " + staging
          + ": " + e.getMessage(), e);
    }
    run.run("tar", "-cf", tar.toString(), "--owner=0", "--group=0", "-C", staging.toString(),
        ".");
    return tar;
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
   * Whether the guest is sound: its QEMU runs it, and its console shows no kernel fault since it
   * started at its current site.
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
    String console = readQuietly(g.current.serial());
    for (String f : CONSOLE_FAULTS) {
      int at = console.indexOf(f);
      if (at >= 0) {
        return Optional.of(vnf + " at " + g.current.site() + ": kernel fault on its console: "
            + console.substring(at, Math.min(console.length(), at + 120)).strip());
      }
    }
    return Optional.empty();
  }

  /** The guest's spec, as started. */
  public Optional<GuestSpec> spec(VnfId vnf) {
    return Optional.ofNullable(guests.get(vnf)).map(g -> g.spec);
  }

  /** Stops a guest (quits its QEMU). Stopping one that is not running does nothing. */
  public void stop(VnfId vnf) {
    Guest g = guests.remove(vnf);
    if (g != null) {
      terminate(g.current);
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
        return migrate(g, request, onSwitchOver);
      } finally {
        g.migrating = false;
      }
    }
  }

  private MigrationOutcome migrate(Guest g, MigrationRequest request, SwitchOverListener listener) {
    MigrationTuning t = tuning;
    Instance src = g.current;
    SiteId to = request.destination().site();
    if (to.equals(src.site())) {
      throw new IllegalArgumentException(g.id + " already runs at " + to);
    }
    TestbedLayout.SiteNet dstNet = layout.site(to);
    MigrationApproach approach = request.approach();
    boolean postcopyCap = approach == MigrationApproach.POST_COPY
        || t.convergence() == ConvergencePolicy.POST_COPY_SWITCH;
    boolean multifd = t.multifdChannels() > 0 && !postcopyCap;
    Instant t0 = Instant.now();
    long start = System.nanoTime();

    // Pre-live: the destination QEMU, listening, and both ends configured.
    Instance dst;
    try {
      dst = launch(g, to, true);
    } catch (RuntimeException e) {
      throw new MigrationFailedException(name(), "cannot start the destination QEMU at " + to
          + ": " + e.getMessage(), true);
    }
    String uri = "tcp:" + dstNet.hostAddress() + ":" + ports.getAndIncrement();
    DataRate rate = request.path().rate();
    try {
      List<Map<String, Object>> caps = new ArrayList<>();
      caps.add(cap("xbzrle", t.xbzrle()));
      caps.add(cap("auto-converge", t.autoConverge()));
      caps.add(cap("postcopy-ram", postcopyCap));
      caps.add(cap("multifd", multifd));
      for (Instance i : List.of(dst, src)) {
        i.qmp().execute("migrate-set-capabilities", Map.of("capabilities", caps));
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("max-bandwidth", (long) (rate.bitsPerSecond() / 8.0 * t.bandwidthHeadroom()));
      params.put("downtime-limit", t.downtimeLimit().toMillis());
      if (multifd) {
        params.put("multifd-channels", t.multifdChannels());
        dst.qmp().execute("migrate-set-parameters",
            Map.of("multifd-channels", t.multifdChannels()));
      }
      src.qmp().execute("migrate-set-parameters", params);
      dst.qmp().execute("migrate-incoming", Map.of("uri", uri));
    } catch (QmpException e) {
      terminate(dst);
      throw new MigrationFailedException(name(), "cannot prepare the move: " + e.getMessage(),
          true);
    }

    // Live.
    Instant tLive = Instant.now();
    try {
      src.qmp().execute("migrate", Map.of("uri", uri));
    } catch (QmpException e) {
      terminate(dst);
      throw new MigrationFailedException(name(), "migrate refused: " + e.getMessage(), true);
    }
    LOG.info("{}: {} {} -> {} over {} ({}), max-bandwidth {} B/s", g.id, approach.displayName(),
        src.site(), to, uri, rate, (long) (rate.bitsPerSecond() / 8.0 * t.bandwidthHeadroom()));
    long lastBytes = -1;
    long lastProgress = System.nanoTime();
    boolean postcopyStarted = false;
    boolean postcopyByPolicy = false;
    boolean postcopyActive = false;
    Instant tSwitch = null;
    JsonNode q;
    while (true) {
      long now = System.nanoTime();
      if (now - start > t.timeout().toNanos() && tSwitch == null) {
        throw abort(g, src, dst, "did not complete within " + t.timeout().toSeconds() + " s");
      }
      if (tSwitch == null && !dst.process().isAlive()) {
        throw abort(g, src, dst, "the destination QEMU at " + to + " exited during the move: "
            + tail(dst.log()));
      }
      if (g.cancelRequested && tSwitch == null) {
        throw abort(g, src, dst, "cancelled on request");
      }
      try {
        q = src.qmp().execute("query-migrate");
      } catch (QmpException e) {
        if (tSwitch == null) {
          throw abort(g, src, dst, "lost the source QEMU: " + e.getMessage());
        }
        throw lost(g, src, dst, "lost the source QEMU during post-copy: " + e.getMessage());
      }
      String status = q.path("status").asText();
      JsonNode ram = q.path("ram");
      long bytes = ram.path("transferred").asLong();
      if (bytes != lastBytes) {
        lastBytes = bytes;
        lastProgress = now;
      }
      boolean stalled = now - lastProgress > t.stallTimeout().toNanos();
      switch (status) {
        case "setup", "active", "device", "pre-switchover" -> {
          if (stalled) {
            throw abort(g, src, dst, "no bytes moved for " + t.stallTimeout().toMillis()
                + " ms after " + mb(bytes) + ": the link is cut or the destination is gone");
          }
          long syncs = ram.path("dirty-sync-count").asLong();
          if (!postcopyStarted && status.equals("active")) {
            if (approach == MigrationApproach.POST_COPY && bytes > 0) {
              // Post-copy proper: switch during the first pass, so that the destination runs at
              // once and pulls what it lacks (after a full pass, QEMU often completes in pre-copy
              // before it gets to switch).
              startPostcopy(g, src, dst);
              postcopyStarted = true;
            } else if (approach == MigrationApproach.PRE_COPY && syncs > t.convergenceRounds()) {
              String why = "pre-copy did not converge after " + (syncs - 1) + " passes ("
                  + mb(bytes) + " sent, " + mb(ram.path("remaining").asLong())
                  + " still dirty; the guest dirties about "
                  + String.format("%.0f", ram.path("dirty-pages-rate").asLong() * 4096 / 1e6)
                  + " MB/s, the link carries " + rate + ")";
              if (t.convergence() == ConvergencePolicy.POST_COPY_SWITCH) {
                LOG.warn("{}: {}; switching to post-copy", g.id, why);
                startPostcopy(g, src, dst);
                postcopyStarted = true;
                postcopyByPolicy = true;
              } else {
                throw abort(g, src, dst, why + "; policy: abort");
              }
            }
          }
        }
        case "postcopy-active" -> {
          postcopyActive = true;
          if (tSwitch == null) {
            tSwitch = awaitRunning(g, src, dst);
            g.placement = request.destination(); // it runs there now: locate says so
            listener.switchedOver(request.destination());
          }
          if (!dst.process().isAlive() || stalled) {
            throw lost(g, src, dst, "the post-copy page stream broke after the switch-over");
          }
        }
        case "completed" -> {
          if (tSwitch == null) {
            tSwitch = awaitRunning(g, src, dst);
            g.placement = request.destination(); // it runs there now: locate says so
            listener.switchedOver(request.destination());
          }
        }
        case "postcopy-paused", "postcopy-recover" -> throw lost(g, src, dst,
            "the link broke during post-copy; QEMU paused the guest (" + status + ")");
        case "failed", "cancelled", "cancelling" -> {
          if (tSwitch != null) {
            throw lost(g, src, dst, "migration " + status + " after the switch-over: "
                + q.path("error-desc").asText(""));
          }
          throw abort(g, src, dst, "QEMU says the migration " + status + ": "
              + q.path("error-desc").asText("no reason given"));
        }
        default -> LOG.debug("{}: migration status {}", g.id, status);
      }
      if (status.equals("completed")) {
        break;
      }
      QmpClient.sleep(POLL);
    }
    Instant tCompleted = Instant.now();
    // query-migrate can say completed before total-time and downtime are filled in.
    for (int i = 0; i < 50 && q.path("total-time").asLong() == 0; i++) {
      QmpClient.sleep(POLL);
      q = src.qmp().execute("query-migrate");
    }
    JsonNode ram = q.path("ram");
    MigrationStats stats = new MigrationStats(
        Duration.ofMillis(q.path("total-time").asLong()),
        Duration.ofMillis(q.path("downtime").asLong()),
        Duration.ofMillis(q.path("setup-time").asLong()),
        ram.path("precopy-bytes").asLong(), ram.path("downtime-bytes").asLong(),
        ram.path("postcopy-bytes").asLong(), ram.path("dirty-sync-count").asLong(),
        postcopyActive || ram.path("postcopy-bytes").asLong() > 0
            || ram.path("postcopy-requests").asLong() > 0);
    if (postcopyStarted && !stats.switchedToPostcopy()) {
      LOG.info("{}: post-copy was asked for, but pre-copy completed first", g.id);
    }

    // Post-live: the source quits, which frees its tap for a move back.
    terminate(src);
    g.current = dst;
    g.placement = request.destination();
    g.lastStats = stats;
    Instant tDone = Instant.now();

    List<PhaseRecord> phases = new ArrayList<>();
    Provenance m = Provenance.MEASURED;
    phases.add(new PhaseRecord(Phase.PRE_LIVE, t0, tLive, DataSize.ZERO, m));
    long totalBytes = Math.max(ram.path("transferred").asLong(), stats.totalBytes());
    if (stats.switchedToPostcopy()) {
      phases.add(new PhaseRecord(Phase.LIVE, tLive, tSwitch,
          DataSize.ofBytes(stats.precopyBytes() + stats.downtimeBytes()), m));
      phases.add(new PhaseRecord(Phase.PAGE_PULL, tSwitch, tCompleted,
          DataSize.ofBytes(Math.max(0, totalBytes - stats.precopyBytes() - stats.downtimeBytes())),
          m));
      phases.add(new PhaseRecord(Phase.POST_LIVE, tCompleted, tDone, DataSize.ZERO, m));
    } else {
      phases.add(new PhaseRecord(Phase.LIVE, tLive, tSwitch, DataSize.ofBytes(totalBytes), m));
      phases.add(new PhaseRecord(Phase.POST_LIVE, tSwitch, tDone, DataSize.ZERO, m));
    }
    MigrationApproach done =
        stats.switchedToPostcopy() ? MigrationApproach.POST_COPY : MigrationApproach.PRE_COPY;
    MigrationOutcome outcome = new MigrationOutcome(done, phases, Figure.of(stats.qemuDowntime(), m));
    LOG.info("{}: at {} after {} ms, downtime {} ms, {} moved{}", g.id, to,
        outcome.migrationTime().toMillis(), stats.qemuDowntime().toMillis(),
        outcome.bytesMoved(), postcopyByPolicy ? " (switched to post-copy by policy)" : "");
    return outcome;
  }

  private static Map<String, Object> cap(String name, boolean state) {
    return Map.of("capability", name, "state", state);
  }

  private void startPostcopy(Guest g, Instance src, Instance dst) {
    try {
      src.qmp().execute("migrate-start-postcopy");
    } catch (QmpException e) {
      throw abort(g, src, dst, "cannot switch to post-copy: " + e.getMessage());
    }
  }

  /** Waits until the destination runs; that is the switch-over. */
  private Instant awaitRunning(Guest g, Instance src, Instance dst) {
    long deadline = System.nanoTime() + QMP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if ("running".equals(status(dst))) {
          return Instant.now();
        }
      } catch (QmpException e) {
        throw lost(g, src, dst, "the destination QEMU died at the switch-over: " + e.getMessage());
      }
      QmpClient.sleep(Duration.ofMillis(2));
    }
    throw lost(g, src, dst, "the destination did not resume within " + QMP_TIMEOUT.toSeconds()
        + " s after the source stopped");
  }

  /**
   * Stops a pre-copy move that has not switched over: cancel at the source, kill the destination,
   * make sure the source runs.
   */
  private MigrationFailedException abort(Guest g, Instance src, Instance dst, String why) {
    LOG.warn("{}: aborting the move: {}", g.id, why);
    boolean running = false;
    try {
      src.qmp().execute("migrate_cancel");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        String s = src.qmp().execute("query-migrate").path("status").asText();
        if (!s.equals("cancelling") && !s.equals("active") && !s.equals("device")) {
          break;
        }
        QmpClient.sleep(POLL);
      }
      terminate(dst);
      String state = status(src);
      if (!state.equals("running")) {
        src.qmp().execute("cont");
        state = status(src);
      }
      running = state.equals("running");
    } catch (QmpException e) {
      terminate(dst);
      LOG.warn("{}: the source did not answer while aborting: {}", g.id, e.getMessage());
    }
    return new MigrationFailedException(name(), g.id + " from " + src.site() + ": " + why
        + (running ? "; it runs on at " + src.site() : "; it does NOT run at " + src.site()),
        running);
  }

  /** A post-copy move broke after the switch-over: neither end has the whole guest. */
  private MigrationFailedException lost(Guest g, Instance src, Instance dst, String why) {
    LOG.error("{}: lost: {}", g.id, why);
    terminate(dst);
    terminate(src);
    guests.remove(g.id);
    return new MigrationFailedException(name(), g.id + ": " + why
        + "; the guest is lost (post-copy cannot fall back to the source)", false);
  }

  private String status(Instance i) {
    return i.qmp().execute("query-status").path("status").asText();
  }

  private Instance launch(Guest g, SiteId site, boolean incoming) {
    TestbedLayout.SiteNet net = layout.site(site);
    ensureTap(net, g.tap);
    int n = counter.incrementAndGet();
    String base = g.id.value() + "-" + n;
    Path sock = workDir.resolve(base + ".qmp");
    Path serial = workDir.resolve(base + ".serial");
    Path log = workDir.resolve(base + ".log");
    try {
      Files.deleteIfExists(sock);
      Files.deleteIfExists(serial);
    } catch (IOException e) {
      throw new IllegalStateException("cannot reset " + sock + ": " + e.getMessage(), e);
    }
    GuestSpec s = g.spec;
    List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", net.namespace(),
        "qemu-system-x86_64", "-name", g.id.value(), "-accel", "tcg", "-cpu", GUEST_CPU,
        "-m", s.memoryMib() + "M",
        "-smp", Integer.toString(s.vcpus()), "-nodefaults", "-display", "none",
        "-serial", "file:" + serial,
        "-kernel", artefacts.kernel().toString(), "-initrd", artefacts.initrd().toString(),
        "-append", "console=ttyS0 quiet panic=-1 " + GUEST_KERNEL_ARGS + " ferry.ip=" + s.address() + "/"
            + layout.prefixLength() + " ferry.dirty=" + s.dirtyMegabytesPerSecond()
            + " ferry.wss=" + s.workingSetMib() + (g.appDisk != null ? " ferry.app=1" : ""),
        "-netdev", "tap,id=n0,ifname=" + g.tap + ",script=no,downscript=no",
        "-device", "virtio-net-pci,netdev=n0,mac=" + s.mac(),
        "-qmp", "unix:" + sock + ",server=on,wait=off"));
    if (g.appDisk != null) {
      // the same two read-only disks at both ends of a move: the sites share this file system
      argv.addAll(List.of(
          "-drive", "file=" + artefacts.guestRuntime() + ",if=virtio,format=raw,readonly=on",
          "-drive", "file=" + g.appDisk + ",if=virtio,format=raw,readonly=on"));
    }
    if (incoming) {
      argv.addAll(List.of("-incoming", "defer"));
    }
    Process p = CommandRunner.startBackground(argv, log);
    QmpClient qmp;
    try {
      qmp = QmpClient.connect("QEMU " + g.id + "@" + site, sock, Duration.ofSeconds(20),
          QMP_TIMEOUT);
    } catch (QmpException e) {
      p.destroyForcibly();
      throw new QmpException("QEMU " + g.id + "@" + site, e.getMessage() + "; QEMU log: "
          + tail(log), e);
    }
    Instance instance = new Instance(site, p, qmp, log, serial);
    instances.add(instance);
    return instance;
  }

  private void ensureTap(TestbedLayout.SiteNet net, String tap) {
    if (taps.contains(net.namespace() + "/" + tap)) {
      return;
    }
    CommandRunner.Result r = run.attempt(List.of("ip", "-n", net.namespace(), "link", "show", tap));
    if (r.exitCode() != 0) {
      run.run("ip", "-n", net.namespace(), "tuntap", "add", "dev", tap, "mode", "tap");
      run.run("ip", "-n", net.namespace(), "link", "set", tap, "master", net.bridge(), "up");
    }
    taps.add(net.namespace() + "/" + tap);
  }

  private void terminate(Instance i) {
    if (i == null) {
      return;
    }
    instances.remove(i);
    if (i.process().isAlive()) {
      try {
        i.qmp().execute("quit");
      } catch (QmpException e) {
        // already going
      }
      try {
        if (!i.process().waitFor(5, TimeUnit.SECONDS)) {
          i.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        i.process().destroyForcibly();
      }
    }
    i.qmp().close();
  }

  /** Quits every QEMU this VIM started. */
  @Override
  public void close() {
    guests.clear();
    for (Instance i : List.copyOf(instances)) {
      terminate(i);
    }
  }

  private static String mb(long bytes) {
    return DataSize.ofBytes(bytes).toString();
  }

  private static String readQuietly(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String tail(Path p) {
    String s = readQuietly(p).strip();
    return s.isEmpty() ? "(empty)" : s.substring(Math.max(0, s.length() - 400));
  }
}
