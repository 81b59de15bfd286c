package org.ferry.testbed.net;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.unit.DataRate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The testbed's network: two compute sites and the RAN as network namespaces, joined by a lightpath
 * link (a namespace with a bridge) that is shaped with tbf and delayed by the NFQUEUE delay line.
 *
 * <p>Everything it creates is named by its {@link TestbedLayout}; {@link #down} removes it all,
 * including the delay-line processes, whose PIDs it keeps under {@code /run/ferry/PREFIX}, so that
 * another process (a later {@code ferry testbed down}) can stop them. Needs root on Linux.
 */
public final class Testbed implements LightpathLink, AutoCloseable {

  /**
   * What the delay line adds beyond the delay it is asked for (the NFQUEUE round trip and the
   * wake-up): measured 70-140 µs per direction on the development machine.
   */
  public static final Duration DELAY_LINE_OVERSHOOT = Duration.ofNanos(80_000);

  private static final Logger LOG = LoggerFactory.getLogger(Testbed.class);

  private final TestbedLayout layout;
  private final TestbedArtefacts artefacts;
  private final CommandRunner run;
  private final Path stateDir;
  private Optional<LinkShape> link = Optional.empty();

  public Testbed(TestbedLayout layout, TestbedArtefacts artefacts) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.artefacts = Objects.requireNonNull(artefacts, "artefacts");
    this.run = CommandRunner.withDefaultTimeout();
    this.stateDir = Path.of("/run/ferry", layout.prefix());
  }

  public TestbedLayout layout() {
    return layout;
  }

  public TestbedArtefacts artefacts() {
    return artefacts;
  }

  /** Why the testbed cannot run on this machine, or empty if it can. */
  public static Optional<String> unsupportedReason() {
    if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
      return Optional.of("the testbed needs Linux (network namespaces), this is "
          + System.getProperty("os.name"));
    }
    if (!"root".equals(System.getProperty("user.name"))) {
      return Optional.of("the testbed needs root (namespaces, tc, iptables), running as "
          + System.getProperty("user.name"));
    }
    return Optional.empty();
  }

  /** Whether all its namespaces exist. */
  public boolean isUp() {
    List<String> present = namespacesPresent();
    return present.containsAll(layout.namespaces());
  }

  /**
   * Creates the namespaces, bridges and veth pairs; the lightpath starts cut (its ports down) until
   * {@link #applyLink}. Recreates a half-made testbed from scratch.
   */
  public void up() {
    if (isUp()) {
      return;
    }
    down();
    for (String ns : layout.namespaces()) {
      run.run("ip", "netns", "add", ns);
      run.run("ip", "-n", ns, "link", "set", "lo", "up");
    }
    String wan = layout.wanNamespace();
    bridge(wan, layout.wanBridge(), "02:00:00:00:ff:01");
    for (TestbedLayout.SiteNet site : layout.sites()) {
      bridge(site.namespace(), site.bridge(), site.bridgeMac());
      run.run("ip", "link", "add", site.lightpathPort(), "netns", site.namespace(), "type", "veth",
          "peer", "name", site.wanPort(), "netns", wan);
      run.run("ip", "-n", site.namespace(), "link", "set", site.lightpathPort(), "master",
          site.bridge(), "up");
      run.run("ip", "-n", wan, "link", "set", site.wanPort(), "master", layout.wanBridge());
      run.run("ip", "-n", site.namespace(), "addr", "add",
          site.hostAddress() + "/" + layout.prefixLength(), "dev", site.bridge());
    }
    TestbedLayout.SiteNet a = layout.siteA();
    run.run("ip", "link", "add", "ran0", "netns", layout.ranNamespace(), "type", "veth", "peer",
        "name", "ran-a", "netns", a.namespace());
    run.run("ip", "-n", a.namespace(), "link", "set", "ran-a", "master", a.bridge(), "up");
    run.run("ip", "-n", layout.ranNamespace(), "addr", "add",
        layout.ranAddress() + "/" + layout.prefixLength(), "dev", "ran0");
    run.run("ip", "-n", layout.ranNamespace(), "link", "set", "ran0", "up");
    run.run("ip", "netns", "exec", wan, "sysctl", "-qw", "net.bridge.bridge-nf-call-iptables=1");
    LOG.info("testbed {} up: namespaces {}", layout.prefix(), layout.namespaces());
  }

  private void bridge(String ns, String name, String mac) {
    run.run("ip", "-n", ns, "link", "add", name, "type", "bridge");
    // A pinned MAC: an unpinned bridge takes its lowest port's, which changes as taps come and go.
    run.run("ip", "-n", ns, "link", "set", name, "address", mac);
    run.run("ip", "-n", ns, "link", "set", name, "up");
  }

  /**
   * Brings the lightpath link up with this shape: tbf at the rate on both directions, and the delay
   * line on both when the delay is above what the line itself adds.
   */
  @Override
  public synchronized void applyLink(LinkShape shape) {
    requireUp();
    stopDelayLine();
    String wan = layout.wanNamespace();
    for (TestbedLayout.SiteNet site : layout.sites()) {
      String port = site.wanPort();
      if (shape.rate().isPresent()) {
        DataRate rate = shape.rate().get();
        // Burst: 6.4 ms at the rate, at least 1 MiB (1 MiB at 1G, 8 MB at 10G, as measured).
        long burstBytes = Math.max(1L << 20, rate.bitsPerSecond() / 8 * 64 / 10_000);
        run.run("ip", "netns", "exec", wan, "tc", "qdisc", "replace", "dev", port, "root", "tbf",
            "rate", rate.bitsPerSecond() + "bit", "burst", Long.toString(burstBytes),
            "latency", "5ms");
      } else {
        run.attempt(List.of("ip", "netns", "exec", wan, "tc", "qdisc", "del", "dev", port, "root"));
      }
    }
    Duration line = shape.oneWayDelay().minus(DELAY_LINE_OVERSHOOT);
    if (line.toNanos() >= 10_000) {
      startDelayLine(line);
    }
    for (TestbedLayout.SiteNet site : layout.sites()) {
      run.run("ip", "-n", wan, "link", "set", site.wanPort(), "up");
    }
    awaitForwarding();
    link = Optional.of(shape);
    LOG.info("testbed {} lightpath up: {}", layout.prefix(), shape);
  }

  /**
   * Waits until the four bridge ports of the lightpath forward: after a cut, the kernel's link
   * watch reports carrier changes up to a second late, and a frame sent before then is lost.
   */
  private void awaitForwarding() {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    List<List<String>> ports = new ArrayList<>();
    for (TestbedLayout.SiteNet site : layout.sites()) {
      ports.add(List.of(layout.wanNamespace(), site.wanPort()));
      ports.add(List.of(site.namespace(), site.lightpathPort()));
    }
    for (List<String> port : ports) {
      while (true) {
        String out = run.attempt(List.of("bridge", "-n", port.get(0), "link", "show", "dev",
            port.get(1))).stdout();
        if (out.contains("state forwarding")) {
          break;
        }
        if (System.nanoTime() > deadline) {
          throw new CommandFailedException(List.of("bridge", "-n", port.get(0), "link"),
              port.get(1) + " does not forward 5 s after the lightpath came up: " + out.strip());
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
      }
    }
  }

  /** Cuts the lightpath link: both its ports go down, so nothing crosses between the sites. */
  @Override
  public synchronized void cutLink() {
    if (!isUp()) {
      return;
    }
    for (TestbedLayout.SiteNet site : layout.sites()) {
      run.attempt(List.of("ip", "-n", layout.wanNamespace(), "link", "set", site.wanPort(), "down"));
    }
    stopDelayLine();
    link = Optional.empty();
    LOG.info("testbed {} lightpath cut", layout.prefix());
  }

  /** The link's shape as this object last set it, or empty when cut. */
  public synchronized Optional<LinkShape> link() {
    return link;
  }

  /** Whether the lightpath's ports are up (read from the kernel, not from this object). */
  public boolean linkUp() {
    CommandRunner.Result r = run.attempt(List.of("ip", "-n", layout.wanNamespace(), "-o", "link",
        "show", layout.siteA().wanPort()));
    return r.exitCode() == 0 && r.stdout().contains("state UP");
  }

  /** Removes everything: delay-line processes, then the namespaces (with their links and rules). */
  public synchronized void down() {
    stopDelayLine();
    List<String> present = namespacesPresent();
    for (String ns : layout.namespaces()) {
      if (present.contains(ns)) {
        run.attempt(List.of("ip", "netns", "del", ns));
      }
    }
    deleteTree(stateDir);
    link = Optional.empty();
  }

  @Override
  public void close() {
    down();
  }

  /** A human-readable account of what exists: namespaces, the link's ports, qdiscs, delay line. */
  public String status() {
    StringBuilder out = new StringBuilder();
    List<String> present = namespacesPresent();
    for (String ns : layout.namespaces()) {
      out.append(String.format("%-22s %s%n", ns, present.contains(ns) ? "present" : "absent"));
    }
    if (!present.contains(layout.wanNamespace())) {
      out.append("lightpath: no testbed\n");
      return out.toString();
    }
    out.append("lightpath: ").append(linkUp() ? "up" : "cut").append('\n');
    for (TestbedLayout.SiteNet site : layout.sites()) {
      String qdisc = run.attempt(List.of("ip", "netns", "exec", layout.wanNamespace(), "tc",
          "qdisc", "show", "dev", site.wanPort(), "root")).stdout().strip();
      out.append("  ").append(site.wanPort()).append(": ").append(qdisc).append('\n');
    }
    List<String> delays = new ArrayList<>();
    for (int queue = 0; queue < 2; queue++) {
      readPid(queue).filter(Testbed::isDelayLine)
          .ifPresent(pid -> delays.add("pid " + pid));
    }
    out.append("  delay line: ").append(delays.isEmpty() ? "none" : String.join(", ", delays))
        .append('\n');
    return out.toString();
  }

  private void startDelayLine(Duration oneWay) {
    artefacts.check();
    String wan = layout.wanNamespace();
    long micros = oneWay.toNanos() / 1000;
    List<TestbedLayout.SiteNet> sites = layout.sites();
    try {
      Files.createDirectories(stateDir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + stateDir + ": " + e.getMessage(), e);
    }
    for (int queue = 0; queue < sites.size(); queue++) {
      // Queue n delays what leaves through the wan port of site n (i.e. towards that site).
      run.run("ip", "netns", "exec", wan, "iptables", "-A", "FORWARD", "-m", "physdev",
          "--physdev-out", sites.get(queue).wanPort(), "-j", "NFQUEUE", "--queue-num",
          Integer.toString(queue), "--queue-bypass");
      Process p = CommandRunner.startBackground(
          List.of("ip", "netns", "exec", wan, artefacts.delayLine().toString(),
              Integer.toString(queue), Long.toString(micros)),
          stateDir.resolve("nfq-delay-" + queue + ".log"));
      writePid(queue, p.pid());
    }
  }

  private void stopDelayLine() {
    for (int queue = 0; queue < 2; queue++) {
      Optional<Long> pid = readPid(queue);
      pid.filter(Testbed::isDelayLine).flatMap(ProcessHandle::of).ifPresent(h -> {
        h.destroyForcibly();
        h.onExit().orTimeout(5, java.util.concurrent.TimeUnit.SECONDS).exceptionally(e -> h).join();
      });
      try {
        Files.deleteIfExists(stateDir.resolve("nfq-delay-" + queue + ".pid"));
      } catch (IOException e) {
        LOG.warn("cannot remove the delay line's pid file: {}", e.getMessage());
      }
    }
    if (namespacesPresent().contains(layout.wanNamespace())) {
      run.attempt(List.of("ip", "netns", "exec", layout.wanNamespace(), "iptables", "-F",
          "FORWARD"));
    }
  }

  /** Where this testbed keeps its state (PIDs, logs); removed by {@link #down}. */
  public Path stateDir() {
    return stateDir;
  }

  private static void deleteTree(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      LOG.warn("cannot remove {}: {}", dir, e.getMessage());
    }
  }

  private static boolean isDelayLine(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).contains("nfq-delay");
    } catch (IOException e) {
      return false;
    }
  }

  private void writePid(int queue, long pid) {
    try {
      Files.writeString(stateDir.resolve("nfq-delay-" + queue + ".pid"), Long.toString(pid));
    } catch (IOException e) {
      throw new IllegalStateException("cannot record the delay line's pid: " + e.getMessage(), e);
    }
  }

  private Optional<Long> readPid(int queue) {
    try {
      return Optional.of(Long.parseLong(
          Files.readString(stateDir.resolve("nfq-delay-" + queue + ".pid")).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  private void requireUp() {
    if (!isUp()) {
      throw new IllegalStateException("testbed " + layout.prefix() + " is not up");
    }
  }

  private List<String> namespacesPresent() {
    List<String> names = new ArrayList<>();
    for (String line : run.run("ip", "netns", "list").split("\n")) {
      if (!line.isBlank()) {
        names.add(line.strip().split("\\s+")[0]);
      }
    }
    return names;
  }
}
