package org.ferry.compute.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.VnfId;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.HostPriority;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;

/**
 * Starts and ends the QEMU processes of one {@link QemuVim}: each in a site's namespace, on the
 * guest's tap in the site's bridge, with the testbed's kernel and initramfs (and, for a {@link
 * GuestApplication}, the runtime disk and a disk with the application); waits for a guest to boot
 * and reads its console for kernel faults.
 */
final class GuestLauncher {

  static final Duration QMP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration BOOT_TIMEOUT = Duration.ofSeconds(120);

  /**
   * QEMU's default x86-64 model, named so that both ends of a move agree on it. It needs QEMU 9.0
   * or newer to migrate soundly under TCG (see {@link QemuVersion}), which the launcher checks.
   */
  static final String GUEST_CPU = "qemu64";

  private static final List<String> CONSOLE_FAULTS =
      List.of("Oops", "BUG:", "Kernel panic", "general protection fault", "soft lockup",
          "LOST WRITE");

  private final TestbedLayout layout;
  private final TestbedArtefacts artefacts;
  private final Path workDir;
  private final CommandRunner run = CommandRunner.withDefaultTimeout();
  private final Set<QemuInstance> instances = ConcurrentHashMap.newKeySet();
  /** Taps known to exist, as "namespace/tap": checking costs a process per move. */
  private final Set<String> taps = ConcurrentHashMap.newKeySet();
  private final AtomicInteger counter = new AtomicInteger();
  private final AtomicInteger tapIndex = new AtomicInteger();
  private volatile QemuVersion qemu;

  GuestLauncher(TestbedLayout layout, TestbedArtefacts artefacts, Path workDir) {
    this.layout = layout;
    this.artefacts = artefacts;
    this.workDir = workDir;
  }

  /** A new guest: its own tap, at every site, and its application's disk if it has one. */
  Guest prepare(VnfId vnf, GuestSpec spec) {
    artefacts.check();
    qemuVersion();
    Guest g = new Guest(vnf, spec, "vm" + tapIndex.getAndIncrement());
    if (spec.application() != null) {
      artefacts.checkGuestRuntime();
      g.appDisk = applicationDisk(vnf, spec.application());
    }
    for (TestbedLayout.SiteNet net : layout.sites()) {
      ensureTap(net, g.tap); // at every site now, so that no move spends its pre-live on it
    }
    return g;
  }

  /**
   * The QEMU the guests run on: read once per launcher, and refused (saying why) if it does not
   * migrate TCG guests soundly.
   */
  QemuVersion qemuVersion() {
    if (qemu == null) {
      qemu = QemuVersion.installed().requireSoundTcgMigration();
    }
    return qemu;
  }

  /**
   * Waits until the guest's console says that its init has the network up and its workload or
   * application runs. If it faults, its QEMU exits or it takes too long, runs {@code onFailure}
   * (which ends the guest) and then throws, quoting QEMU's log and the console.
   */
  void awaitBoot(Guest g, QemuInstance instance, Runnable onFailure) {
    GuestSpec spec = g.spec;
    String ready = spec.application() != null ? spec.application().readyMarker()
        : spec.dirtyMegabytesPerSecond() > 0 ? "ferry-dirty:" : "ferry-guest: up";
    long deadline = System.nanoTime() + BOOT_TIMEOUT.toNanos();
    String console;
    while (!(console = instance.console()).contains(ready)) {
      boolean exited = console.contains(APPLICATION_EXITED);
      boolean faulted = exited || console.contains("Out of memory")
          || console.contains("ferry-guest: FAILED")
          || CONSOLE_FAULTS.stream().anyMatch(console::contains);
      if (faulted || !instance.process().isAlive() || System.nanoTime() > deadline) {
        onFailure.run();
        throw new IllegalStateException("guest " + g.id + " did not start at " + instance.site()
            + (exited ? " (its application exited)" : faulted ? " (a fault on its console)"
                : " within " + BOOT_TIMEOUT.toSeconds() + " s")
            + "; QEMU log: " + QemuInstance.tail(instance.log()) + "; console: "
            + QemuInstance.tail(instance.serial()));
      }
      QmpClient.sleep(Duration.ofMillis(50));
    }
  }

  /** What the guest's init says on the console when the application ends (scripts/guest/init). */
  static final String APPLICATION_EXITED = "ferry-guest: application exited";

  /**
   * The first kernel fault on a console, or the application's end, from where it starts; empty
   * if there is neither.
   */
  static Optional<String> consoleFault(String console) {
    int exited = console.indexOf(APPLICATION_EXITED);
    if (exited >= 0) {
      int lineEnd = console.indexOf('\n', exited);
      return Optional.of(console.substring(exited, lineEnd < 0 ? console.length() : lineEnd)
          .strip());
    }
    for (String f : CONSOLE_FAULTS) {
      int at = console.indexOf(f);
      if (at >= 0) {
        return Optional.of(console.substring(at, Math.min(console.length(), at + 120)).strip());
      }
    }
    return Optional.empty();
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
          for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
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
   * Starts a QEMU for the guest at a site, and connects to its QMP.
   *
   * @param incoming whether it waits for a migration ({@code -incoming defer}) instead of booting
   */
  QemuInstance launch(Guest g, SiteId site, boolean incoming) {
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
        "-append", "console=ttyS0 quiet panic=-1 ferry.ip=" + s.address() + "/"
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
    Process p = CommandRunner.startBackground(HostPriority.ofSeparateHost(argv), log);
    QmpClient qmp;
    try {
      qmp = QmpClient.connect("QEMU " + g.id + "@" + site, sock, Duration.ofSeconds(20),
          QMP_TIMEOUT);
    } catch (QmpException e) {
      p.destroyForcibly();
      throw new QmpException("QEMU " + g.id + "@" + site, e.getMessage() + "; QEMU log: "
          + QemuInstance.tail(log), e);
    }
    QemuInstance instance = new QemuInstance(site, p, qmp, log, serial);
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

  /** Quits a QEMU (killing it if it does not go within 5 s). A null instance is ignored. */
  void terminate(QemuInstance i) {
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

  /** Quits every QEMU this launcher started. */
  void terminateAll() {
    for (QemuInstance i : List.copyOf(instances)) {
      terminate(i);
    }
  }
}
