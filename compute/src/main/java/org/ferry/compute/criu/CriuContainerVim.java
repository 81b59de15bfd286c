package org.ferry.compute.criu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.Checkpointable;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.seam.compute.Vim;

/**
 * Containers as process trees in their own PID and network namespaces, moved between sites with
 * CRIU: stop-and-copy (dump, copy the image over the lightpath, restore) and lazy (dump all but
 * memory, restore at once, pull pages from a page server at the source over userfaultfd).
 *
 * <p>Each site is a network namespace with a bridge ({@link SiteNetwork}); a container's {@code
 * eth0} is one end of a veth whose other end is a port of its site's bridge. A restore runs under
 * {@code nsenter --net} into the destination site, so CRIU creates the outer veth there ({@code
 * --external veth[eth0]:name@bridge}) and the container keeps its IP, MAC and established TCP
 * connections ({@code --tcp-established}). Dumps run in the root mount namespace (never through
 * {@code ip netns exec}, which would give CRIU a private mount namespace to dump).
 *
 * <p>Failure contract (what the workflow's executor relies on): a failed checkpoint leaves the
 * container running at its source, with CRIU's network lock removed; after a failed restore at
 * the destination, {@link #restore} of the source image brings the container back at the source
 * (for a lazy image: the source dump is stopped, which thaws the still-present source tree). A
 * missing or damaged image directory gives an error that says so.
 *
 * <p>Every call to CRIU has a time-out; a CRIU that outlives it is killed by its PID.
 *
 * <p>This class is the façade; the work is done by {@link Containers} (start, stop, veth, cgroups,
 * CRIU's network lock), {@link Dumper} ({@code criu dump}, with a page server or serving lazy
 * pages), {@link ImageTransfer} (images and pages between sites), {@link Restorer} ({@code criu
 * restore}) and {@link LazyPages} (the lazy moves in flight).
 */
public final class CriuContainerVim implements Vim, Checkpointable, AutoCloseable {

  /** How long a dump or a restore may take before its CRIU is killed. */
  static final Duration CRIU_TIMEOUT = Duration.ofSeconds(120);
  /** CRIU's log level: -v2 (errors and warnings) unless {@code -Dferry.criu.verbosity=4}. */
  static final String VERBOSITY = "-v" + Integer.getInteger("ferry.criu.verbosity", 2);
  /** Keeps image directories for a post-mortem when {@code -Dferry.criu.keepImages=true}. */
  private static final boolean KEEP_IMAGES = Boolean.getBoolean("ferry.criu.keepImages");

  private final String name;
  private final Containers containers;
  private final LazyPages lazyPages;
  private final ImageTransfer transfer;
  private final Dumper dumper;
  private final Restorer restorer;

  /**
   * @param name for logs and errors
   * @param workDir where images, logs and pidfiles go (created if missing)
   * @param sites the hosts this VIM runs containers on
   */
  public CriuContainerVim(
      String name, Criu criu, Path workDir, List<SiteNetwork> sites) {
    this.name = name;
    Sites hosts = new Sites(name, sites);
    AtomicInteger sequence = new AtomicInteger();
    this.containers = new Containers(name, hosts);
    this.lazyPages = new LazyPages(name, criu, containers);
    this.transfer = new ImageTransfer(name, hosts, sequence);
    this.dumper = new Dumper(name, criu, workDir, hosts, containers, transfer, lazyPages,
        sequence);
    this.restorer = new Restorer(name, criu, hosts, containers, transfer, lazyPages, sequence);
    try {
      Files.createDirectories(workDir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + workDir, e);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Virtualization virtualization() {
    return Virtualization.CONTAINER;
  }

  @Override
  public Set<MigrationApproach> approaches() {
    return EnumSet.of(MigrationApproach.STOP_AND_COPY, MigrationApproach.LAZY);
  }

  @Override
  public Optional<Placement> locate(VnfId vnf) {
    Container c = containers.get(vnf);
    return c == null ? Optional.empty() : Optional.of(c.placement);
  }

  @Override
  public boolean isRunning(VnfId vnf) {
    Container c = containers.get(vnf);
    return c != null && Processes.running(c.pid);
  }

  @Override
  public Provenance figures() {
    return Provenance.MEASURED;
  }

  /** The host PID of the container's init (what CRIU dumps), or -1 if it is not known. */
  public long pid(VnfId vnf) {
    Container c = containers.get(vnf);
    return c == null ? -1 : c.pid;
  }

  // ---------------------------------------------------------------------------------------------
  // Start and stop

  /**
   * Starts a container at {@code placement}: {@code unshare --net --pid --fork setsid COMMAND},
   * then a veth from the site's bridge into its namespace as {@code eth0} with the spec's MAC and
   * address, then the flavor's limits (cgroup v1 memory limit and CPU quota where the host has
   * them; CRIU carries the cgroup along).
   */
  public void start(ContainerSpec spec, Placement placement) {
    containers.start(spec, placement);
  }

  /** Kills a container by its PID (a PID-namespace init ignores SIGTERM) and forgets it. */
  public void stop(VnfId vnf) {
    containers.stop(vnf);
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpointable

  @Override
  public CheckpointImage checkpoint(MigrationRequest request) {
    return dumper.checkpoint(request);
  }

  @Override
  public CheckpointImage transfer(CheckpointImage image, Placement destination, NetworkPath path) {
    return transfer.transfer(image, destination, path);
  }

  @Override
  public void restore(CheckpointImage image) {
    restorer.restore(image);
  }

  @Override
  public DataSize awaitLazyPages(CheckpointImage image, NetworkPath path) {
    return lazyPages.await(image, path);
  }

  @Override
  public void discard(CheckpointImage image) {
    lazyPages.discard(image);
    transfer.beforeDiscard(image);
    if (KEEP_IMAGES) {
      return;
    }
    Path dir = Path.of(image.path());
    ImageFiles.deleteTree(dir);
    try (Stream<Path> left = Files.list(dir.getParent())) {
      if (left.findAny().isEmpty()) {
        Files.deleteIfExists(dir.getParent());
      }
    } catch (IOException e) {
      // the move's directory stays
    }
  }

  /** CRIU's statistics for an image: the dump's, and the restore's once it has been restored. */
  public record ImageStats(Optional<CriuStats.Dump> dump, Optional<CriuStats.Restore> restore) {}

  /**
   * When the dump of this image's move was launched ({@link System#nanoTime}): the container is
   * frozen from shortly after this until it runs at the destination. Setting up the destination's
   * page server before that is not frozen time.
   */
  public OptionalLong dumpStartedNanos(CheckpointImage image) {
    return dumper.startedNanos(image);
  }

  /** Reads CRIU's statistics from an image directory (at its source or its destination). */
  public ImageStats stats(CheckpointImage image) {
    Path dir = Path.of(image.path());
    return new ImageStats(CriuStats.readDump(dir), CriuStats.readRestore(dir));
  }

  /** Stops every container this VIM started, ends lazy sessions and puts sysctls back. */
  @Override
  public void close() {
    lazyPages.endAll();
    for (VnfId vnf : containers.ids()) {
      stop(vnf);
    }
    lazyPages.resetPipeSize();
  }
}
