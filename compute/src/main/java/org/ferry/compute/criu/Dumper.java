package org.ferry.compute.criu;

import static org.ferry.compute.criu.CriuContainerVim.CRIU_TIMEOUT;
import static org.ferry.compute.criu.CriuContainerVim.VERBOSITY;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.testbed.net.CommandFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkpoints for one {@link CriuContainerVim}: {@code criu dump} of a container, either with its
 * memory pages streamed to a {@code criu page-server} at the destination (stop-and-copy) or
 * serving them from the source (lazy). A failed dump puts the container back on its bridge, free
 * of CRIU's network lock.
 */
final class Dumper {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);

  private final String vim;
  private final Criu criu;
  private final Path workDir;
  private final Sites sites;
  private final Containers containers;
  private final ImageTransfer transfer;
  private final LazyPages lazyPages;
  private final AtomicInteger sequence;
  /** When each move's dump was launched (System.nanoTime), per move. */
  private final Map<String, Long> dumpStarted = new ConcurrentHashMap<>();

  Dumper(String vim, Criu criu, Path workDir, Sites sites, Containers containers,
      ImageTransfer transfer, LazyPages lazyPages, AtomicInteger sequence) {
    this.vim = vim;
    this.criu = criu;
    this.workDir = workDir;
    this.sites = sites;
    this.containers = containers;
    this.transfer = transfer;
    this.lazyPages = lazyPages;
    this.sequence = sequence;
  }

  /** See {@link CriuContainerVim#checkpoint}. */
  CheckpointImage checkpoint(MigrationRequest request) {
    Container c = containers.require(request.vnf().id());
    SiteNetwork source = sites.require(c.placement);
    sites.require(request.destination());
    if (!Processes.running(c.pid)) {
      throw new MigrationFailedException(vim, request.vnf().id() + " (pid " + c.pid
          + ") is not running at " + c.placement, false);
    }
    Path dir = workDir.resolve(String.format(Locale.ROOT, "%s-%d", c.spec.vnf().value(),
        sequence.incrementAndGet())).resolve(source.placement().site().value());
    ImageFiles.createDirectory(dir);
    // Cut the container off its bridge before it freezes: frames for it are dropped (and
    // retransmitted later) instead of reaching a namespace whose sockets go away when the dumped
    // tree is killed, which would answer the client with a RST and end its connection.
    containers.detach(c, source);
    return request.approach() == MigrationApproach.LAZY
        ? lazyDump(c, source, dir)
        : plainDump(c, source, dir, sites.require(request.destination()));
  }

  /** When the dump of this image's move was launched ({@link System#nanoTime}), if it was. */
  OptionalLong startedNanos(CheckpointImage image) {
    Long started = dumpStarted.get(ImageFiles.key(Path.of(image.path())));
    return started == null ? OptionalLong.empty() : OptionalLong.of(started);
  }

  /**
   * Stop-and-copy dump. The memory pages stream straight to a {@code criu page-server} at the
   * destination while the dump runs (they are neither written at the source nor copied twice);
   * the rest of the image stays at the source for {@link CriuContainerVim#transfer}.
   */
  private CheckpointImage plainDump(Container c, SiteNetwork source, Path dir,
      SiteNetwork destination) {
    Path target = dir.resolveSibling(destination.placement().site().value());
    ImageFiles.createDirectory(target);
    int port = 9100 + sequence.incrementAndGet() % 800;
    Path serverPid = dir.resolveSibling("page-server.pid");
    try {
      Processes.run(Duration.ofSeconds(20), List.of("nsenter", "--net="
          + destination.netnsPath(), criu.command(), "page-server", "-D", target.toString(),
          "--address", destination.hostAddress(), "--port", Integer.toString(port), "-d",
          "--pidfile", serverPid.toString(), "-o", "page-server.log", VERBOSITY));
    } catch (CommandFailedException e) {
      containers.reattach(c);
      throw new MigrationFailedException(vim, "checkpoint of " + c.spec.vnf() + " failed: no "
          + "page server at " + destination.placement() + ": " + e.getMessage()
          + ImageFiles.errorLines(target.resolve("page-server.log")), Processes.running(c.pid));
    }
    List<String> dump = List.of("nsenter", "--net=" + source.netnsPath(), criu.command(), "dump",
        "-t", Long.toString(c.pid), "-D", dir.toString(), "--tcp-established", "--page-server",
        "--address", destination.hostAddress(), "--port", Integer.toString(port), "-o",
        "dump.log", VERBOSITY);
    dumpStarted.put(ImageFiles.key(dir), System.nanoTime());
    try {
      Processes.run(CRIU_TIMEOUT, dump);
    } catch (CommandFailedException e) {
      stopPageServer(serverPid, Duration.ZERO);
      throw dumpFailed(c, dir, e);
    }
    // The dump ends with PS_IOV_CLOSE and waits for the page server's answer, so every page has
    // been received and written by now; the daemon itself can take a second or two to exit.
    log.info("criu dump of {} with its pages to {}: {} ms", c.spec.vnf(),
        destination.placement(),
        (System.nanoTime() - dumpStarted.get(ImageFiles.key(dir))) / 1_000_000);
    stopPageServer(serverPid, Duration.ofMillis(20));
    transfer.pagesWrittenAt(dir, destination.placement());
    // the dumped tree is gone; free its veth name so a restore at the source can reuse it
    Containers.deleteVeth(source, c.hostIf);
    if (c.launcher != null) {
      Processes.kill(c.launcher);
      c.launcher = null;
    }
    return new CheckpointImage(c.spec.vnf(), source.placement(), dir.toString(),
        DataSize.ofBytes(ImageFiles.sizeOf(dir) + ImageFiles.sizeOf(target)), DataSize.ZERO,
        MigrationApproach.STOP_AND_COPY);
  }

  /** Waits for a page server (which exits when its dump is done) and kills it if it lingers. */
  private static void stopPageServer(Path pidfile, Duration grace) {
    long pid;
    try {
      pid = Long.parseLong(Files.readString(pidfile).strip());
    } catch (IOException | NumberFormatException e) {
      return;
    }
    ProcessHandle.of(pid).ifPresent(h -> {
      long deadline = System.nanoTime() + grace.toNanos();
      while (h.isAlive() && System.nanoTime() < deadline) {
        Processes.sleep(2);
      }
      if (h.isAlive()) {
        // it answered the dump's close, so every page is written; it may take seconds more to
        // exit (tearing down its buffers), which nobody needs to wait for
        h.destroyForcibly();
      }
    });
  }

  /**
   * Lazy dump: everything but the memory pages, which the dump then serves from the source until
   * the destination's lazy-pages daemon has pulled them all ({@link LazyPages}).
   */
  private CheckpointImage lazyDump(Container c, SiteNetwork source, Path dir) {
    long resident = Processes.residentBytes(c.pid);
    lazyPages.raisePipeSize();
    int port = 9100 + sequence.get() % 800;
    List<String> dump = List.of("nsenter", "--net=" + source.netnsPath(), criu.command(), "dump",
        "-t", Long.toString(c.pid), "-D", dir.toString(), "--tcp-established", "--lazy-pages",
        "--address", source.hostAddress(), "--port", Integer.toString(port), "-o", "dump.log",
        VERBOSITY);
    dumpStarted.put(ImageFiles.key(dir), System.nanoTime());
    Process process = Processes.background(dump, dir.resolveSibling("lazy-dump.out"));
    Path inventory = dir.resolve("inventory.img");
    long deadline = System.nanoTime() + CRIU_TIMEOUT.toNanos();
    try {
      while (!ImageFiles.nonEmpty(inventory)) {
        if (!process.isAlive()) {
          throw dumpFailed(c, dir, new CommandFailedException(dump, "exited with "
              + process.exitValue() + " before the images were ready"
              + Processes.quote(ImageFiles.tail(dir.resolve("dump.log")))));
        }
        if (System.nanoTime() > deadline) {
          Processes.kill(process);
          throw dumpFailed(c, dir, new CommandFailedException(dump, "timed out before the images"
              + " were ready" + Processes.quote(ImageFiles.tail(dir.resolve("dump.log")))));
        }
        Processes.sleep(2);
      }
    } catch (MigrationFailedException e) {
      lazyPages.lowerPipeSize();
      throw e;
    }
    lazyPages.serving(new LazyPages.Session(process, dir, source, port));
    return new CheckpointImage(c.spec.vnf(), source.placement(), dir.toString(),
        DataSize.ofBytes(ImageFiles.sizeOf(dir)), DataSize.ofBytes(resident),
        MigrationApproach.LAZY);
  }

  private MigrationFailedException dumpFailed(Container c, Path dir, CommandFailedException e) {
    containers.reattach(c);
    containers.removeNetworkLock(c.pid);
    boolean alive = Processes.running(c.pid);
    String why = e.getMessage() + ImageFiles.errorLines(dir.resolve("dump.log"));
    return new MigrationFailedException(vim, "checkpoint of " + c.spec.vnf() + " at "
        + c.placement + " failed: " + why, alive);
  }
}
