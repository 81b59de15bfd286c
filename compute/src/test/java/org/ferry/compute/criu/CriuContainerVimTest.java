package org.ferry.compute.criu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ferry.compute.workload.Workloads;
import org.ferry.model.network.SiteId;
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
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.Testbed;
import org.ferry.testbed.net.TestbedArtefacts;
import org.ferry.testbed.net.TestbedLayout;

/**
 * Real CRIU moves of a JVM workload (memory and a TCP connection) between two site namespaces
 * over a 1 Gbit/s lightpath. Needs root on Linux and CRIU >= 4.2 (scripts/testbed-setup.sh).
 */
class CriuContainerVimTest {

  private static final NetworkPath PATH = new NetworkPath(DataRate.ofGbps(1), Duration.ZERO);
  private static final int MEGABYTES = 40;

  private static Testbed net;
  private static SiteNetwork siteA;
  private static SiteNetwork siteB;
  private static Criu criu;

  @TempDir Path work;
  private CriuContainerVim vim;
  private Workloads.Probe probe;

  @BeforeAll
  static void network() {
    RootTestbed.assumeRootOnLinux();
    criu = RootTestbed.criu();
    net = new Testbed(new TestbedLayout("fc-t" + ProcessHandle.current().pid()),
        TestbedArtefacts.fromEnvironment());
    net.up();
    net.applyLink(LinkShape.of(DataRate.ofGbps(1), Duration.ZERO));
    siteA = SiteNetwork.of(net.layout().siteA());
    siteB = SiteNetwork.of(net.layout().siteB());
  }

  @AfterAll
  static void tearDown() {
    if (net != null) {
      net.down();
    }
  }

  @AfterEach
  void stop() {
    if (probe != null) {
      probe.close();
    }
    if (vim != null) {
      vim.close();
    }
  }

  private Vnf start(String id, int host) {
    return start(id, host, List.of());
  }

  /** Starts the workload, after {@code shellPrefix} (run by sh in the container) if any. */
  private Vnf start(String id, int host, List<String> shellPrefix) {
    vim = new CriuContainerVim("criu-test", criu, work.resolve("images"),
        List.of(siteA, siteB));
    Path ready = work.resolve(id + ".ready");
    String mac = String.format("02:00:00:00:01:%02x", host);
    List<String> command = Workloads.memoryEcho(MEGABYTES, ready);
    if (!shellPrefix.isEmpty()) {
      command = List.of("sh", "-c", String.join(" ", shellPrefix) + " exec \"$@\"", "sh");
      command = new java.util.ArrayList<>(command);
      command.addAll(Workloads.memoryEcho(MEGABYTES, ready));
    }
    vim.start(new ContainerSpec(VnfId.of(id), address(host) + "/24", mac, Flavor.SMALL,
        command), siteA.placement());
    Workloads.awaitReady(ready, Duration.ofSeconds(60));
    probe = new Workloads.Probe(net.layout().ranNamespace(), address(host), 50);
    return new Vnf(VnfId.of(id), VnfKind.HSS, Virtualization.CONTAINER, Flavor.SMALL,
        siteA.placement(), Ipv4Address.of(address(host)), BackhaulInterface.FLOATING_IP,
        List.of());
  }

  private MigrationRequest toB(Vnf vnf, MigrationApproach approach) {
    return new MigrationRequest(vnf, siteB.placement(), approach, PATH);
  }

  private String mac() {
    return Processes.run(Duration.ofSeconds(5), List.of("nsenter", "-t",
        Long.toString(vim.pid(VnfId.of(currentId))), "-n", "ip", "-br", "link", "show", "eth0"))
        .stdout().strip().split("\\s+")[2];
  }

  private String currentId;

  private static String address(int host) {
    return "10.0.0." + host;
  }

  private static String pipeMax() {
    return Processes.run(Duration.ofSeconds(5), List.of("sysctl", "-n", "fs.pipe-max-size"))
        .stdout().strip();
  }

  @Test
  void stopAndCopyKeepsAddressMacTcpAndMemory() throws Exception {
    currentId = "hss-sc";
    Vnf vnf = start(currentId, 10);
    Thread.sleep(300);
    String sumBefore = probe.checksum();
    long countBefore = Long.parseLong(probe.report().get("count"));

    CheckpointImage image = vim.checkpoint(toB(vnf, MigrationApproach.STOP_AND_COPY));
    assertThat(image.size().bytes()).isGreaterThan(MEGABYTES * 1_000_000L);
    assertThat(vim.isRunning(vnf.id())).as("the source is gone after a dump").isFalse();
    CheckpointImage moved = vim.transfer(image, siteB.placement(), PATH);
    vim.restore(moved);

    assertThat(vim.locate(vnf.id())).contains(siteB.placement());
    assertThat(vim.isRunning(vnf.id())).isTrue();
    assertThat(mac()).isEqualTo("02:00:00:00:01:0a");
    Path cgroup = Path.of("/sys/fs/cgroup/memory/ferry-hss-sc");
    if (Files.isDirectory(cgroup)) {
      assertThat(Files.readString(cgroup.resolve("memory.limit_in_bytes")).strip())
          .as("the flavor's memory limit came along").isEqualTo("2147483648");
      assertThat(Files.readString(cgroup.resolve("cgroup.procs")))
          .contains(Long.toString(vim.pid(vnf.id())));
    }
    Thread.sleep(1500);
    Map<String, String> after = probe.report();
    assertThat(after.get("tcp_alive")).as("the established TCP connection survives").isEqualTo(
        "true");
    assertThat(Long.parseLong(after.get("count"))).as("the request counter went on")
        .isGreaterThan(countBefore);
    assertThat(probe.checksum()).as("memory came along").isEqualTo(sumBefore);
    CriuContainerVim.ImageStats stats = vim.stats(moved);
    assertThat(stats.dump()).hasValueSatisfying(d -> {
      assertThat(d.pagesWritten()).isGreaterThan(MEGABYTES * 256L);
      assertThat(d.frozen()).isPositive();
    });
    assertThat(stats.restore()).hasValueSatisfying(r -> assertThat(r.pagesRestored())
        .isGreaterThan(MEGABYTES * 256L));
    // the bridge port moved: site B has the container's veth, site A has none
    assertThat(Processes.run(Duration.ofSeconds(5), List.of("ip", "-n", siteB.netns(), "link",
        "show", "master", "br-b")).stdout()).contains("fcvhsssc");
    assertThat(Processes.run(Duration.ofSeconds(5), List.of("ip", "-n", siteA.netns(), "link",
        "show", "master", "br-a")).stdout()).doesNotContain("fcvhsssc");
    vim.discard(image);
    assertThat(Path.of(image.path())).doesNotExist();
  }

  @Test
  void lazyMigrationRunsBeforeItsMemoryHasArrived() throws Exception {
    currentId = "hss-lz";
    Vnf vnf = start(currentId, 11);
    Thread.sleep(300);
    String sumBefore = probe.checksum();
    String pipeMax = pipeMax();

    CheckpointImage image = vim.checkpoint(toB(vnf, MigrationApproach.LAZY));
    assertThat(image.size()).as("the image without its memory").isLessThan(
        DataSize.ofMegabytes(MEGABYTES / 2.0));
    assertThat(image.lazyMemory()).isGreaterThan(DataSize.ofMegabytes(MEGABYTES));
    CheckpointImage moved = vim.transfer(image, siteB.placement(), PATH);
    vim.restore(moved);
    assertThat(vim.locate(vnf.id())).contains(siteB.placement());
    DataSize pulled = vim.awaitLazyPages(moved, PATH);
    assertThat(pulled).isGreaterThan(DataSize.ofMegabytes(MEGABYTES));
    assertThat(pipeMax())
        .as("fs.pipe-max-size is set back").isEqualTo(pipeMax);

    assertThat(vim.isRunning(vnf.id())).isTrue();
    Thread.sleep(1000);
    assertThat(probe.report().get("tcp_alive")).isEqualTo("true");
    assertThat(probe.checksum()).isEqualTo(sumBefore);
    assertThat(mac()).isEqualTo("02:00:00:00:01:0b");
    vim.discard(image);
  }

  @Test
  void aFailedRestoreAtTheDestinationComesBackAtTheSource() throws Exception {
    currentId = "hss-fb";
    Vnf vnf = start(currentId, 12);
    Thread.sleep(300);
    String sumBefore = probe.checksum();
    CheckpointImage image = vim.checkpoint(toB(vnf, MigrationApproach.STOP_AND_COPY));
    CheckpointImage moved = vim.transfer(image, siteB.placement(), PATH);
    // damage the copy: CRIU cannot read the task's core image
    Files.write(Path.of(moved.path(), "core-1.img"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    assertThatThrownBy(() -> vim.restore(moved))
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("restore of hss-fb at site-b")
        .hasMessageContaining("criu");
    vim.discard(moved);
    vim.restore(image); // what the workflow does next: the same image, at the source

    assertThat(vim.locate(vnf.id())).contains(siteA.placement());
    assertThat(vim.isRunning(vnf.id())).isTrue();
    Thread.sleep(1500);
    assertThat(probe.report().get("tcp_alive")).isEqualTo("true");
    assertThat(probe.checksum()).isEqualTo(sumBefore);
  }

  @Test
  void aMissingOrDamagedImageDirectoryIsNamed() throws Exception {
    currentId = "hss-mi";
    Vnf vnf = start(currentId, 13);
    CheckpointImage ghost = new CheckpointImage(vnf.id(), siteB.placement(),
        work.resolve("no-such-image").toString(), DataSize.ZERO, DataSize.ZERO,
        MigrationApproach.STOP_AND_COPY);
    assertThatThrownBy(() -> vim.restore(ghost))
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("no-such-image is missing");
    Path empty = Files.createDirectories(work.resolve("empty-image"));
    Files.writeString(empty.resolve("inventory.img"), "x");
    CheckpointImage damaged = ghost.at(siteB.placement(), empty.toString());
    assertThatThrownBy(() -> vim.restore(damaged))
        .hasMessageContaining("is damaged: pstree.img is missing");
    assertThatThrownBy(() -> vim.transfer(ghost.at(siteA.placement(), ghost.path()),
        siteB.placement(), PATH)).hasMessageContaining("is missing");
    assertThat(vim.isRunning(vnf.id())).as("nothing touched the running container").isTrue();
    assertThat(vim.locate(vnf.id())).contains(siteA.placement());
    assertThat(SiteId.of("site-a")).isEqualTo(vim.locate(vnf.id()).orElseThrow().site());
  }

  @Test
  void aFailedCheckpointLeavesTheContainerRunningAndReachable() throws Exception {
    // a process in the container holds a UNIX socket whose peer is outside it: CRIU refuses
    Path socket = work.resolve("outside.sock");
    try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel
        .open(java.net.StandardProtocolFamily.UNIX)) {
      server.bind(java.net.UnixDomainSocketAddress.of(socket));
      currentId = "hss-df";
      Vnf vnf = start(currentId, 14, List.of("socat", "-u", "UNIX-CONNECT:" + socket,
          "OPEN:/dev/null", "&"));
      try (java.nio.channels.SocketChannel peer = server.accept()) {
        Thread.sleep(300);
        assertThatThrownBy(() -> vim.checkpoint(toB(vnf, MigrationApproach.STOP_AND_COPY)))
            .isInstanceOf(MigrationFailedException.class)
            .hasMessageContaining("checkpoint of hss-df at site-a")
            .hasMessageContaining("dump.log says")
            .satisfies(e -> assertThat(((MigrationFailedException) e).runningAtSource())
                .isTrue());
        assertThat(vim.isRunning(vnf.id())).isTrue();
        assertThat(vim.locate(vnf.id())).contains(siteA.placement());
        probe.report();
        assertThat(probe.awaitEchoes(Duration.ofMillis(150), Duration.ofSeconds(10)))
            .as("no CRIU network lock is left in the container's namespace").isTrue();
        assertThat(probe.report().get("tcp_alive")).isEqualTo("true");
        String rules = Processes.run(Duration.ofSeconds(5), List.of("nsenter", "-t",
            Long.toString(vim.pid(vnf.id())), "-n", "iptables", "-S")).stdout();
        assertThat(rules).doesNotContain("CRIU");
      }
    }
  }

  @Test
  void aFailedLazyRestoreResumesTheContainerAtItsSourceWithoutItsTcpConnections() throws Exception {
    currentId = "hss-lf";
    Vnf vnf = start(currentId, 15);
    Thread.sleep(300);
    String sumBefore = probe.checksum();
    String pipeMax = pipeMax();
    CheckpointImage image = vim.checkpoint(toB(vnf, MigrationApproach.LAZY));
    CheckpointImage moved = vim.transfer(image, siteB.placement(), PATH);
    Files.write(Path.of(moved.path(), "core-1.img"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});

    assertThatThrownBy(() -> vim.restore(moved))
        .isInstanceOf(MigrationFailedException.class)
        .hasMessageContaining("restore of hss-lf at site-b");
    vim.discard(moved);
    vim.restore(image); // the workflow's fallback: the frozen source tree runs on

    assertThat(vim.locate(vnf.id())).contains(siteA.placement());
    assertThat(vim.isRunning(vnf.id())).isTrue();
    assertThat(probe.awaitEchoes(Duration.ofMillis(150), Duration.ofSeconds(20), false))
        .as("UDP answers again").isTrue();
    // the established connection is lost (its socket stays in CRIU's repair mode); a new one
    // reaches the same process with its memory
    probe.close();
    probe = new Workloads.Probe(net.layout().ranNamespace(), address(15), 50);
    assertThat(probe.checksum()).isEqualTo(sumBefore);
    assertThat(pipeMax()).as("fs.pipe-max-size is set back").isEqualTo(pipeMax);
  }
}
