package org.ferry.compute.criu;

import static org.ferry.compute.criu.Processes.IP_TIMEOUT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.ferry.model.unit.DataSize;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.testbed.net.CommandFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lazy moves of one {@link CriuContainerVim} in flight: for each, the lazy dump that serves
 * the memory pages at the source and the {@code criu lazy-pages} daemon at the destination that
 * pulls them over userfaultfd; and {@code fs.pipe-max-size}, raised while any lazy move runs.
 */
final class LazyPages {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);
  private static final String PIPE_MAX_KEY = "fs.pipe-max-size";
  /** Lazy pages need pipes of up to this size without CAP_SYS_RESOURCE (see the recipes). */
  private static final long LAZY_PIPE_MAX = 268_435_456L;

  private final String vim;
  private final Criu criu;
  private final Containers containers;
  /** By move key ({@link ImageFiles#key}). */
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Object pipeLock = new Object();
  private int pipeUsers;
  private String pipeOriginal;

  /** A lazy dump still serving pages, and the lazy-pages daemon pulling them. */
  static final class Session {
    final Process dump;
    final Path sourceDir;
    final SiteNetwork source;
    final int port;
    volatile Process pager;

    Session(Process dump, Path sourceDir, SiteNetwork source, int port) {
      this.dump = dump;
      this.sourceDir = sourceDir;
      this.source = source;
      this.port = port;
    }
  }

  LazyPages(String vim, Criu criu, Containers containers) {
    this.vim = vim;
    this.criu = criu;
    this.containers = containers;
  }

  /** Records a lazy dump whose images are ready and which now serves its pages. */
  void serving(Session session) {
    sessions.put(ImageFiles.key(session.sourceDir), session);
  }

  /** The lazy move of this image directory's move, or null if none is in flight. */
  Session session(Path imageDir) {
    return sessions.get(ImageFiles.key(imageDir));
  }

  /** Starts the lazy-pages daemon at the destination and waits for its socket. */
  void startPager(Session session, SiteNetwork site, Path dir) {
    Path socket = dir.resolve("lazy-pages.socket");
    Process pager = Processes.background(List.of("nsenter", "--net=" + site.netnsPath(),
        criu.command(), "lazy-pages", "--page-server", "--address", session.source.hostAddress(),
        "--port", Integer.toString(session.port), "-D", dir.toString(), "-o", "lazy-pages.log",
        CriuContainerVim.VERBOSITY), dir.resolveSibling("lazy-pages.out"));
    session.pager = pager;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(socket)) {
      if (!pager.isAlive() || System.nanoTime() > deadline) {
        Processes.kill(pager);
        throw new MigrationFailedException(vim, "criu lazy-pages at " + site.placement()
            + " did not start" + ImageFiles.errorLines(dir.resolve("lazy-pages.log")), true);
      }
      Processes.sleep(1);
    }
  }

  /** See {@link CriuContainerVim#awaitLazyPages}. */
  DataSize await(CheckpointImage image, NetworkPath path) {
    Session session = session(Path.of(image.path()));
    if (session == null || session.pager == null) {
      throw new MigrationFailedException(vim, "no lazy restore of " + image.path()
          + " is pulling pages", true);
    }
    Duration timeout = Duration.ofSeconds(30).plus(path.rate().timeToSend(image.lazyMemory())
        .multipliedBy(10));
    try {
      if (!session.pager.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        Processes.kill(session.pager);
        throw new MigrationFailedException(vim, "lazy pages of " + image.vnf() + " did not all"
            + " arrive within " + timeout.toSeconds() + " s", false);
      }
      if (!session.dump.waitFor(30, TimeUnit.SECONDS)) {
        Processes.kill(session.dump);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailedException(vim, "interrupted while pulling pages", false);
    } finally {
      sessions.remove(ImageFiles.key(session.sourceDir));
      lowerPipeSize();
    }
    if (session.pager.exitValue() != 0) {
      throw new MigrationFailedException(vim, "criu lazy-pages exited with "
          + session.pager.exitValue() + ImageFiles.errorLines(Path.of(image.path(),
              "lazy-pages.log")), false);
    }
    return CriuStats.readDump(session.sourceDir)
        .filter(d -> d.pagesLazy() > 0)
        .map(d -> DataSize.ofBytes(d.bytesLazy()))
        .orElse(image.lazyMemory());
  }

  /** Brings a lazily dumped container back where it was: the source tree still exists, frozen. */
  void thawAtSource(Container c, Session lazy, CheckpointImage image) {
    if (lazy.pager != null) {
      Processes.kill(lazy.pager);
    }
    // Killing the lazy dump ends CRIU's ptrace and the frozen tree runs on, with its memory.
    // Its established TCP connections do not survive: CRIU put their sockets in repair mode and
    // only a finishing dump takes them out. The gentler way, letting the dump fail on its own
    // (its lazy client gone), makes CRIU kill the tree instead: nothing would come back.
    Processes.kill(lazy.dump);
    log.warn("{} resumes at its source after a failed lazy restore; its established TCP "
        + "connections are lost (their sockets stay in CRIU's repair mode)", c.spec.vnf());
    sessions.remove(ImageFiles.key(Path.of(image.path())));
    lowerPipeSize();
    containers.removeNetworkLock(c.pid);
    containers.reattach(c);
    if (!Processes.running(c.pid)) {
      throw new MigrationFailedException(vim, "the lazily dumped " + c.spec.vnf() + " (pid "
          + c.pid + ") is gone from " + c.placement + "; nothing to thaw", false);
    }
    log.info("container {} resumed at its source {} (pid {})", c.spec.vnf(), c.placement, c.pid);
  }

  /**
   * Ends the lazy move that serves this image's pages, if the image is the source's: discarding
   * the destination's copy after a failed restore keeps the source's page server.
   */
  void discard(CheckpointImage image) {
    String key = ImageFiles.key(Path.of(image.path()));
    Session session = sessions.get(key);
    if (session != null && image.location().equals(session.source.placement())) {
      sessions.remove(key);
      if (session.pager != null) {
        Processes.kill(session.pager);
      }
      Processes.kill(session.dump);
      lowerPipeSize();
    }
  }

  /** Kills every lazy dump and daemon in flight; {@link #resetPipeSize} puts the pipes back. */
  void endAll() {
    for (Session s : List.copyOf(sessions.values())) {
      if (s.pager != null) {
        Processes.kill(s.pager);
      }
      Processes.kill(s.dump);
    }
    sessions.clear();
  }

  /** Puts {@code fs.pipe-max-size} back as it was, however many lazy moves raised it. */
  void resetPipeSize() {
    synchronized (pipeLock) {
      if (pipeUsers > 0) {
        pipeUsers = 1;
      }
    }
    lowerPipeSize();
  }

  void raisePipeSize() {
    synchronized (pipeLock) {
      try {
        if (pipeUsers == 0) {
          pipeOriginal = Processes.run(IP_TIMEOUT, List.of("sysctl", "-n", PIPE_MAX_KEY)).stdout()
              .strip();
          if (Long.parseLong(pipeOriginal) < LAZY_PIPE_MAX) {
            Processes.run(IP_TIMEOUT, List.of("sysctl", "-qw", PIPE_MAX_KEY + "=" + LAZY_PIPE_MAX));
          }
        }
        pipeUsers++;
      } catch (CommandFailedException | NumberFormatException e) {
        throw new MigrationFailedException(vim, "cannot raise fs.pipe-max-size to "
            + LAZY_PIPE_MAX + " for lazy pages: " + e.getMessage(), true);
      }
    }
  }

  void lowerPipeSize() {
    synchronized (pipeLock) {
      if (pipeUsers == 0) {
        return;
      }
      pipeUsers--;
      if (pipeUsers == 0 && pipeOriginal != null) {
        try {
          Processes.run(IP_TIMEOUT, List.of("sysctl", "-qw", PIPE_MAX_KEY + "=" + pipeOriginal));
        } catch (CommandFailedException e) {
          log.warn("could not set fs.pipe-max-size back to {}: {}", pipeOriginal,
              e.getMessage());
        }
      }
    }
  }
}
