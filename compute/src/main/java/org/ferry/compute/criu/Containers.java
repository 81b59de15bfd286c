package org.ferry.compute.criu;

import static org.ferry.compute.criu.Processes.IP_TIMEOUT;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.testbed.net.HostPriority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The containers of one {@link CriuContainerVim}: started as process trees in their own PID and
 * network namespaces, with a veth into their site's bridge and the flavor's cgroup limits; plugged
 * out of the bridge and back in around a dump; freed of CRIU's network lock after a failed one;
 * stopped by PID.
 */
final class Containers {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);

  private final String vim;
  private final Sites sites;
  private final Map<VnfId, Container> byVnf = new ConcurrentHashMap<>();

  Containers(String vim, Sites sites) {
    this.vim = vim;
    this.sites = sites;
  }

  /** The container, or null if this VIM runs none by that name. */
  Container get(VnfId vnf) {
    return byVnf.get(vnf);
  }

  /** The container; fails if this VIM runs none by that name. */
  Container require(VnfId vnf) {
    Container c = byVnf.get(vnf);
    if (c == null) {
      throw new MigrationFailedException(vim, "no container " + vnf + " here", false);
    }
    return c;
  }

  List<VnfId> ids() {
    return List.copyOf(byVnf.keySet());
  }

  /** See {@link CriuContainerVim#start}. */
  void start(ContainerSpec spec, Placement placement) {
    SiteNetwork site = sites.require(placement);
    if (byVnf.containsKey(spec.vnf())) {
      throw new IllegalStateException(spec.vnf() + " already runs");
    }
    String hostIf = hostInterface(spec.vnf());
    List<String> command = new ArrayList<>(List.of("unshare", "--net", "--pid", "--fork",
        "setsid"));
    command.addAll(spec.command());
    // output to /dev/null: the tree keeps fds 1 and 2, and CRIU must find them again at restore
    Process launcher =
        Processes.background(HostPriority.ofSeparateHost(command), Path.of("/dev/null"));
    long pid = nsInit(launcher);
    Container container = new Container(spec, hostIf, placement, pid, launcher);
    byVnf.put(spec.vnf(), container);
    try {
      limit(spec, pid);
      deleteVeth(site, hostIf);
      Processes.run(IP_TIMEOUT, List.of("ip", "link", "add", hostIf, "netns", site.netns(), "type",
          "veth", "peer", "name", "eth0", "netns", Long.toString(pid), "address", spec.mac()));
      Processes.run(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "set", hostIf, "master",
          site.bridge(), "up"));
      inContainer(pid, "ip", "link", "set", "lo", "up");
      inContainer(pid, "ip", "addr", "add", spec.cidr(), "dev", "eth0");
      inContainer(pid, "ip", "link", "set", "eth0", "up");
    } catch (RuntimeException e) {
      stop(spec.vnf());
      throw e;
    }
    log.info("container {} started at {} (pid {}, {} {})", spec.vnf(), placement, pid,
        spec.cidr(), spec.mac());
  }

  /** See {@link CriuContainerVim#stop}. */
  void stop(VnfId vnf) {
    Container c = byVnf.remove(vnf);
    if (c == null) {
      return;
    }
    ProcessHandle.of(c.pid).ifPresent(Processes::kill);
    if (c.launcher != null) {
      Processes.kill(c.launcher);
    }
    SiteNetwork site = sites.get(c.placement);
    if (site != null) {
      deleteVeth(site, c.hostIf);
    }
    removeCgroups(vnf);
  }

  /** Deletes a veth from a site's namespace, if it is there. */
  static void deleteVeth(SiteNetwork site, String hostIf) {
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "del", hostIf));
  }

  /** Takes the container's veth out of its site's bridge. */
  void detach(Container c, SiteNetwork site) {
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "set", c.hostIf,
        "nomaster"));
  }

  /** Puts the container's veth back into the bridge of the site it is placed at. */
  void reattach(Container c) {
    SiteNetwork site = sites.get(c.placement);
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "set", c.hostIf,
        "master", site.bridge(), "up"));
  }

  /**
   * Removes CRIU's network lock from a container's namespace: a failed dump leaves it there and
   * the container unreachable.
   */
  void removeNetworkLock(long pid) {
    if (!Processes.running(pid)) {
      return;
    }
    Processes.attempt(IP_TIMEOUT, List.of("nsenter", "-t", Long.toString(pid), "-n",
        "sh", "-c", "for t in iptables ip6tables; do $t -w -D INPUT -j CRIU; "
            + "$t -w -D OUTPUT -j CRIU; $t -w -F CRIU; $t -w -X CRIU; done 2>/dev/null; "
            + "for t in $(nft list tables 2>/dev/null | awk '$3 ~ /^CRIU/ {print $2\" \"$3}'); "
            + "do :; done; nft list tables 2>/dev/null | awk '$3 ~ /^CRIU/ {print $2, $3}' | "
            + "while read f n; do nft delete table $f $n; done; true"));
  }

  private static String hostInterface(VnfId vnf) {
    String clean = vnf.value().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return "fcv" + clean.substring(0, Math.min(clean.length(), 12));
  }

  /** The PID of the namespace init that unshare forks (the child of the launcher). */
  private long nsInit(Process launcher) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      Optional<ProcessHandle> child = launcher.toHandle().children().findFirst();
      if (child.isPresent()) {
        return child.get().pid();
      }
      if (!launcher.isAlive()) {
        throw new IllegalStateException("unshare exited with " + launcher.exitValue()
            + " before its child started");
      }
      Processes.sleep(2);
    }
    Processes.kill(launcher);
    throw new IllegalStateException("unshare's child did not appear within 10 s");
  }

  private void inContainer(long pid, String... command) {
    List<String> full = new ArrayList<>(List.of("nsenter", "-t", Long.toString(pid), "-n"));
    full.addAll(List.of(command));
    Processes.run(IP_TIMEOUT, full);
  }

  /** Flavor limits through cgroup v1 where the host has it; CRIU restores the cgroup paths. */
  private void limit(ContainerSpec spec, long pid) {
    Path memory = Path.of("/sys/fs/cgroup/memory");
    Path cpu = Path.of("/sys/fs/cgroup/cpu");
    String group = cgroupName(spec.vnf());
    try {
      if (Files.isWritable(memory.resolve("cgroup.procs"))) {
        Path dir = Files.createDirectories(memory.resolve(group));
        Files.writeString(dir.resolve("memory.limit_in_bytes"),
            Long.toString(spec.flavor().memory().bytes()));
        Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
      }
      if (Files.isWritable(cpu.resolve("cgroup.procs"))) {
        Path dir = Files.createDirectories(cpu.resolve(group));
        Files.writeString(dir.resolve("cpu.cfs_period_us"), "100000");
        Files.writeString(dir.resolve("cpu.cfs_quota_us"),
            Long.toString(100_000L * spec.flavor().vcpus()));
        Files.writeString(dir.resolve("cgroup.procs"), Long.toString(pid));
      }
    } catch (IOException e) {
      log.warn("no cgroup limits for {}: {}", spec.vnf(), e.getMessage());
    }
  }

  private static String cgroupName(VnfId vnf) {
    return "ferry-" + vnf.value().replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private void removeCgroups(VnfId vnf) {
    for (String controller : List.of("memory", "cpu")) {
      Path dir = Path.of("/sys/fs/cgroup", controller, cgroupName(vnf));
      for (int i = 0; i < 50 && Files.isDirectory(dir); i++) {
        try {
          Files.delete(dir);
        } catch (IOException e) {
          Processes.sleep(20); // the killed tree may still be leaving it
        }
      }
    }
  }
}
