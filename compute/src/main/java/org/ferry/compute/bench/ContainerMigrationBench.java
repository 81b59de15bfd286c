package org.ferry.compute.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.ferry.compute.criu.ContainerSpec;
import org.ferry.compute.criu.Criu;
import org.ferry.compute.criu.CriuContainerVim;
import org.ferry.compute.criu.CriuStats;
import org.ferry.compute.criu.SiteNetwork;
import org.ferry.compute.workload.Workloads;
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
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.LinkShape;
import org.ferry.testbed.net.Testbed;

/**
 * Moves a JVM workload (touched memory plus a TCP and a UDP peer) back and forth between the
 * testbed's two sites with CRIU, and measures every move: checkpoint (freeze and dump), transfer,
 * restore, the time the service was frozen, the bytes moved, and the gaps a client in the RAN saw
 * over TCP and over UDP.
 *
 * <p>The steps are timed here as the workflow's executor times them. Frozen time: from the start
 * of the dump until the container runs at the destination (for stop-and-copy that is the whole
 * move; for lazy it excludes the page pull that follows).
 */
public final class ContainerMigrationBench implements AutoCloseable {

  /** What to run. */
  public record Plan(List<Integer> workloadsMb, List<MigrationApproach> modes,
      List<DataRate> rates, int runs) {

    public Plan {
      workloadsMb = List.copyOf(workloadsMb);
      modes = List.copyOf(modes);
      rates = List.copyOf(rates);
      if (runs < 1) {
        throw new IllegalArgumentException("runs must be at least 1, got " + runs);
      }
    }

    /** 50, 200 and 500 MB; stop-and-copy and lazy; 1 and 10 Gbit/s; 5 runs each. */
    public static Plan full() {
      return new Plan(List.of(50, 200, 500),
          List.of(MigrationApproach.STOP_AND_COPY, MigrationApproach.LAZY),
          List.of(DataRate.ofGbps(1), DataRate.ofGbps(10)), 5);
    }

    /** One move per mode at 200 MB and 1 Gbit/s. */
    public static Plan quick() {
      return new Plan(List.of(200),
          List.of(MigrationApproach.STOP_AND_COPY, MigrationApproach.LAZY),
          List.of(DataRate.ofGbps(1)), 1);
    }

    public int moves() {
      return workloadsMb.size() * modes.size() * rates.size() * runs;
    }
  }

  /**
   * One measured move.
   *
   * @param lastPage for lazy: from the start of the dump until the last page arrived; for
   *     stop-and-copy: the frozen time
   * @param criuFrozen CRIU's own "frozen time" from stats-dump (meaningless for lazy)
   * @param error why the move failed, or null
   * @param dumpStats CRIU's stats-dump of the move, if it wrote one
   * @param restoreStats CRIU's stats-restore of the move, if it wrote one
   */
  public record Run(int workloadMb, MigrationApproach mode, DataRate rate, int run,
      Duration checkpoint, Duration transfer, Duration restore, Duration frozen, Duration lastPage,
      DataSize bytesMoved, DataSize imageBytes, double tcpGapSeconds, double udpGapSeconds,
      boolean tcpSurvived, Duration criuFrozen, String error,
      Optional<CriuStats.Dump> dumpStats, Optional<CriuStats.Restore> restoreStats) {

    /** Frozen time over the time the link needs for the bytes moved. */
    public double ratio() {
      double wire = (double) bytesMoved.bits() / rate.bitsPerSecond();
      return wire <= 0 ? Double.NaN : seconds(frozen) / wire;
    }

    public boolean ok() {
      return error == null;
    }
  }

  private final Testbed testbed;
  private final Criu criu;
  private final Path workDir;
  private final Consumer<String> progress;
  /** The VIM of the workload being measured, for {@link #close} from another thread. */
  private volatile CriuContainerVim current;

  public ContainerMigrationBench(Testbed testbed, Criu criu, Path workDir,
      Consumer<String> progress) {
    this.testbed = Objects.requireNonNull(testbed, "testbed");
    this.criu = Objects.requireNonNull(criu, "criu");
    this.workDir = workDir;
    this.progress = progress;
  }

  /** Runs the plan; the testbed must be up. Returns every move, failed ones included. */
  public List<Run> run(Plan plan) {
    List<Run> runs = new ArrayList<>();
    List<SiteNetwork> sites = SiteNetwork.of(testbed.layout());
    for (int mb : plan.workloadsMb()) {
      Path dir = workDir.resolve("w" + mb);
      try (CriuContainerVim vim = new CriuContainerVim("criu@testbed", criu,
          dir.resolve("images"), sites)) {
        current = vim;
        VnfId id = VnfId.of("bench-" + mb);
        Path ready = dir.resolve("ready");
        deleteQuietly(ready);
        progress.accept(String.format("workload %d MB: starting the JVM at %s", mb,
            sites.get(0).placement()));
        String address = "10.0.0.20";
        vim.start(new ContainerSpec(id, address + "/24", "02:00:00:00:00:20", Flavor.SMALL,
            Workloads.memoryEcho(mb, ready)), sites.get(0).placement());
        Workloads.awaitReady(ready, Duration.ofSeconds(120));
        try (Workloads.Probe probe = new Workloads.Probe(testbed.layout().ranNamespace(), address,
            20)) {
          for (MigrationApproach mode : plan.modes()) {
            for (DataRate rate : plan.rates()) {
              testbed.applyLink(LinkShape.of(rate, Duration.ZERO));
              for (int i = 1; i <= plan.runs(); i++) {
                Run r = move(vim, probe, id, address, mb, mode, rate, i, sites);
                runs.add(r);
                progress.accept(describe(r));
              }
            }
          }
        }
      }
    }
    return runs;
  }

  /**
   * Stops the workload being measured (its processes, page servers and cgroups): for a shutdown
   * hook, since a signal does not run the {@code finally} blocks of {@link #run}.
   */
  @Override
  public void close() {
    CriuContainerVim vim = current;
    if (vim != null) {
      vim.close();
    }
  }

  private Run move(CriuContainerVim vim, Workloads.Probe probe, VnfId id, String address, int mb,
      MigrationApproach mode, DataRate rate, int run, List<SiteNetwork> sites) {
    Placement from = vim.locate(id).orElseThrow();
    Placement to = sites.stream().map(SiteNetwork::placement).filter(p -> !p.equals(from))
        .findFirst().orElseThrow();
    NetworkPath path = new NetworkPath(rate, Duration.ZERO);
    Vnf vnf = new Vnf(id, VnfKind.HSS, Virtualization.CONTAINER, Flavor.SMALL, from,
        Ipv4Address.of(address), BackhaulInterface.FLOATING_IP, List.of());
    pause(500);
    probe.report(); // a new measuring window
    long t0 = System.nanoTime();
    CheckpointImage image = null;
    CheckpointImage moved = null;
    try {
      image = vim.checkpoint(new MigrationRequest(vnf, to, mode, path));
      long t1 = System.nanoTime();
      moved = vim.transfer(image, to, path);
      long t2 = System.nanoTime();
      vim.restore(moved);
      long t3 = System.nanoTime();
      DataSize pulled = DataSize.ZERO;
      if (mode == MigrationApproach.LAZY) {
        pulled = vim.awaitLazyPages(moved, path);
      }
      long t4 = System.nanoTime();
      // the client's TCP comes back at its next retransmission (exponential back-off), so wait
      // for echoes on both before reading the gaps; a connection that never does is reported
      boolean resumed = probe.awaitEchoes(Duration.ofMillis(150), Duration.ofSeconds(60));
      Map<String, String> gaps = probe.report();
      if (!resumed) {
        gaps.put("tcp_alive", "false");
      }
      CriuContainerVim.ImageStats stats = vim.stats(moved);
      Duration criuFrozen = stats.dump().map(d -> d.frozen()).orElse(Duration.ZERO);
      DataSize bytes = image.size().plus(pulled);
      // frozen from the dump's launch (after the destination's page server is up)
      long frozenFrom = vim.dumpStartedNanos(image).orElse(t0);
      return new Run(mb, mode, rate, run, nanos(t1 - frozenFrom), nanos(t2 - t1),
          nanos(t3 - t2), nanos(t3 - frozenFrom), nanos(t4 - frozenFrom), bytes, image.size().plus(image.lazyMemory()),
          Double.parseDouble(gaps.getOrDefault("tcp_gap_ms", "NaN")) / 1000,
          Double.parseDouble(gaps.getOrDefault("udp_gap_ms", "NaN")) / 1000,
          "true".equals(gaps.get("tcp_alive")), criuFrozen, null, stats.dump(),
          stats.restore());
    } catch (RuntimeException e) {
      return new Run(mb, mode, rate, run, Duration.ZERO, Duration.ZERO, Duration.ZERO,
          Duration.ZERO, Duration.ZERO, DataSize.ZERO, DataSize.ZERO, Double.NaN, Double.NaN,
          false, Duration.ZERO, e.getMessage(), Optional.empty(), Optional.empty());
    } finally {
      // the source's image first, as the workflow does, then the destination's copy
      if (image != null) {
        vim.discard(image);
      }
      if (moved != null && moved != image) {
        vim.discard(moved);
      }
    }
  }

  private static String describe(Run r) {
    if (!r.ok()) {
      return String.format("%4d MB %-13s %4.0f Gbit/s run %d: FAILED: %s", r.workloadMb(),
          r.mode().displayName(), r.rate().gbps(), r.run(), r.error());
    }
    return String.format("%4d MB %-13s %4.0f Gbit/s run %d: checkpoint %.3f s, transfer %.3f s,"
        + " restore %.3f s, frozen %.3f s (CRIU %.3f s), last page %.3f s, %.1f MB moved, "
        + "gap TCP %.3f s / UDP %.3f s, ratio %.2f%s", r.workloadMb(), r.mode().displayName(),
        r.rate().gbps(), r.run(), seconds(r.checkpoint()), seconds(r.transfer()),
        seconds(r.restore()), seconds(r.frozen()), seconds(r.criuFrozen()),
        seconds(r.lastPage()), r.bytesMoved().megabytes(), r.tcpGapSeconds(), r.udpGapSeconds(),
        r.ratio(), r.tcpSurvived() ? "" : ", TCP connection LOST");
  }

  public static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static Duration nanos(long n) {
    return Duration.ofNanos(n);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
