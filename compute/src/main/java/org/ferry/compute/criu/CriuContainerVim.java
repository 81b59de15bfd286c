package org.ferry.compute.criu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
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
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.seam.compute.Vim;
import org.ferry.testbed.net.CommandFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 */
public final class CriuContainerVim implements Vim, Checkpointable, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);
  private static final Duration IP_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration CRIU_TIMEOUT = Duration.ofSeconds(120);
  private static final long PAGE_SIZE = 4096;
  /** CRIU's log level: -v2 (errors and warnings) unless {@code -Dferry.criu.verbosity=4}. */
  private static final String VERBOSITY = "-v" + Integer.getInteger("ferry.criu.verbosity", 2);
  /** Keeps image directories for a post-mortem when {@code -Dferry.criu.keepImages=true}. */
  private static final boolean KEEP_IMAGES = Boolean.getBoolean("ferry.criu.keepImages");
  private static final String PIPE_MAX_KEY = "fs.pipe-max-size";
  /** Lazy pages need pipes of up to this size without CAP_SYS_RESOURCE (see the recipes). */
  private static final long LAZY_PIPE_MAX = 268_435_456L;

  private final String name;
  private final Criu criu;
  private final Path workDir;
  private final Map<Placement, SiteNetwork> sites = new LinkedHashMap<>();
  private final Map<VnfId, Container> containers = new ConcurrentHashMap<>();
  private final Map<String, LazySession> lazySessions = new ConcurrentHashMap<>();
  /** When each move's dump was launched (System.nanoTime), per move. */
  private final Map<String, Long> dumpStarted = new ConcurrentHashMap<>();
  /** Where a stop-and-copy dump's page server wrote the memory pages, per move. */
  private final Map<String, Placement> pagesAt = new ConcurrentHashMap<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final Object pipeLock = new Object();
  private int pipeUsers;
  private String pipeOriginal;

  /** A running (or frozen) container. */
  private static final class Container {
    final ContainerSpec spec;
    final String hostIf;
    volatile Placement placement;
    volatile long pid;
    volatile Process launcher;

    Container(ContainerSpec spec, String hostIf, Placement placement, long pid, Process launcher) {
      this.spec = spec;
      this.hostIf = hostIf;
      this.placement = placement;
      this.pid = pid;
      this.launcher = launcher;
    }
  }

  /** A lazy dump still serving pages, and the lazy-pages daemon pulling them. */
  private static final class LazySession {
    final Process dump;
    final Path sourceDir;
    final SiteNetwork source;
    final int port;
    volatile Process pager;

    LazySession(Process dump, Path sourceDir, SiteNetwork source, int port) {
      this.dump = dump;
      this.sourceDir = sourceDir;
      this.source = source;
      this.port = port;
    }
  }

  /**
   * @param name for logs and errors
   * @param workDir where images, logs and pidfiles go (created if missing)
   * @param sites the hosts this VIM runs containers on
   */
  public CriuContainerVim(
      String name, Criu criu, Path workDir, List<SiteNetwork> sites) {
    this.name = name;
    this.criu = criu;
    this.workDir = workDir;
    for (SiteNetwork site : sites) {
      this.sites.put(site.placement(), site);
    }
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
    return c != null && running(c.pid);
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
    SiteNetwork site = site(placement);
    if (containers.containsKey(spec.vnf())) {
      throw new IllegalStateException(spec.vnf() + " already runs");
    }
    String hostIf = hostInterface(spec.vnf());
    List<String> command = new ArrayList<>(List.of("unshare", "--net", "--pid", "--fork",
        "setsid"));
    command.addAll(spec.command());
    // output to /dev/null: the tree keeps fds 1 and 2, and CRIU must find them again at restore
    Process launcher = background(command, Path.of("/dev/null"));
    long pid = nsInit(launcher);
    Container container = new Container(spec, hostIf, placement, pid, launcher);
    containers.put(spec.vnf(), container);
    try {
      limit(spec, pid);
      Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "del",
          hostIf));
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

  /** Kills a container by its PID (a PID-namespace init ignores SIGTERM) and forgets it. */
  public void stop(VnfId vnf) {
    Container c = containers.remove(vnf);
    if (c == null) {
      return;
    }
    ProcessHandle.of(c.pid).ifPresent(Processes::kill);
    if (c.launcher != null) {
      Processes.kill(c.launcher);
    }
    SiteNetwork site = sites.get(c.placement);
    if (site != null) {
      Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "del",
          c.hostIf));
    }
    removeCgroups(vnf);
  }

  // ---------------------------------------------------------------------------------------------
  // Checkpointable

  @Override
  public CheckpointImage checkpoint(MigrationRequest request) {
    Container c = require(request.vnf().id());
    SiteNetwork source = site(c.placement);
    site(request.destination());
    if (!running(c.pid)) {
      throw new MigrationFailedException(name, request.vnf().id() + " (pid " + c.pid
          + ") is not running at " + c.placement, false);
    }
    Path dir = workDir.resolve(String.format(Locale.ROOT, "%s-%d", c.spec.vnf().value(),
        sequence.incrementAndGet())).resolve(source.placement().site().value());
    createDirectory(dir);
    // Cut the container off its bridge before it freezes: frames for it are dropped (and
    // retransmitted later) instead of reaching a namespace whose sockets go away when the dumped
    // tree is killed, which would answer the client with a RST and end its connection.
    detach(c, source);
    return request.approach() == MigrationApproach.LAZY
        ? lazyDump(c, source, dir)
        : plainDump(c, source, dir, site(request.destination()));
  }

  /**
   * Stop-and-copy dump. The memory pages stream straight to a {@code criu page-server} at the
   * destination while the dump runs (they are neither written at the source nor copied twice);
   * the rest of the image stays at the source for {@link #transfer}.
   */
  private CheckpointImage plainDump(Container c, SiteNetwork source, Path dir,
      SiteNetwork destination) {
    Path target = dir.resolveSibling(destination.placement().site().value());
    createDirectory(target);
    int port = 9100 + sequence.incrementAndGet() % 800;
    Path serverPid = dir.resolveSibling("page-server.pid");
    try {
      Processes.run(Duration.ofSeconds(20), List.of("nsenter", "--net="
          + destination.netnsPath(), criu.command(), "page-server", "-D", target.toString(),
          "--address", destination.hostAddress(), "--port", Integer.toString(port), "-d",
          "--pidfile", serverPid.toString(), "-o", "page-server.log", VERBOSITY));
    } catch (CommandFailedException e) {
      reattach(c);
      throw new MigrationFailedException(name, "checkpoint of " + c.spec.vnf() + " failed: no "
          + "page server at " + destination.placement() + ": " + e.getMessage()
          + errorLines(target.resolve("page-server.log")), running(c.pid));
    }
    List<String> dump = List.of("nsenter", "--net=" + source.netnsPath(), criu.command(), "dump",
        "-t", Long.toString(c.pid), "-D", dir.toString(), "--tcp-established", "--page-server",
        "--address", destination.hostAddress(), "--port", Integer.toString(port), "-o",
        "dump.log", VERBOSITY);
    dumpStarted.put(key(dir), System.nanoTime());
    try {
      Processes.run(CRIU_TIMEOUT, dump);
    } catch (CommandFailedException e) {
      stopPageServer(serverPid, Duration.ZERO);
      throw dumpFailed(c, dir, e);
    }
    // The dump ends with PS_IOV_CLOSE and waits for the page server's answer, so every page has
    // been received and written by now; the daemon itself can take a second or two to exit.
    log.info("criu dump of {} with its pages to {}: {} ms", c.spec.vnf(),
        destination.placement(), (System.nanoTime() - dumpStarted.get(key(dir))) / 1_000_000);
    stopPageServer(serverPid, Duration.ofMillis(20));
    pagesAt.put(key(dir), destination.placement());
    // the dumped tree is gone; free its veth name so a restore at the source can reuse it
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", source.netns(), "link", "del",
        c.hostIf));
    if (c.launcher != null) {
      Processes.kill(c.launcher);
      c.launcher = null;
    }
    return new CheckpointImage(c.spec.vnf(), source.placement(), dir.toString(),
        DataSize.ofBytes(sizeOf(dir) + sizeOf(target)), DataSize.ZERO,
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
        sleep(2);
      }
      if (h.isAlive()) {
        // it answered the dump's close, so every page is written; it may take seconds more to
        // exit (tearing down its buffers), which nobody needs to wait for
        h.destroyForcibly();
      }
    });
  }

  private CheckpointImage lazyDump(Container c, SiteNetwork source, Path dir) {
    long resident = residentBytes(c.pid);
    raisePipeSize();
    int port = 9100 + sequence.get() % 800;
    List<String> dump = List.of("nsenter", "--net=" + source.netnsPath(), criu.command(), "dump",
        "-t", Long.toString(c.pid), "-D", dir.toString(), "--tcp-established", "--lazy-pages",
        "--address", source.hostAddress(), "--port", Integer.toString(port), "-o", "dump.log",
        VERBOSITY);
    dumpStarted.put(key(dir), System.nanoTime());
    Process process = background(dump, dir.resolveSibling("lazy-dump.out"));
    Path inventory = dir.resolve("inventory.img");
    long deadline = System.nanoTime() + CRIU_TIMEOUT.toNanos();
    try {
      while (!nonEmpty(inventory)) {
        if (!process.isAlive()) {
          throw dumpFailed(c, dir, new CommandFailedException(dump, "exited with "
              + process.exitValue() + " before the images were ready"
              + Processes.quote(tail(dir.resolve("dump.log")))));
        }
        if (System.nanoTime() > deadline) {
          Processes.kill(process);
          throw dumpFailed(c, dir, new CommandFailedException(dump, "timed out before the images"
              + " were ready" + Processes.quote(tail(dir.resolve("dump.log")))));
        }
        sleep(2);
      }
    } catch (MigrationFailedException e) {
      lowerPipeSize();
      throw e;
    }
    lazySessions.put(key(dir), new LazySession(process, dir, source, port));
    return new CheckpointImage(c.spec.vnf(), source.placement(), dir.toString(),
        DataSize.ofBytes(sizeOf(dir)), DataSize.ofBytes(resident), MigrationApproach.LAZY);
  }

  private void detach(Container c, SiteNetwork site) {
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "set", c.hostIf,
        "nomaster"));
  }

  private void reattach(Container c) {
    SiteNetwork site = sites.get(c.placement);
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "set", c.hostIf,
        "master", site.bridge(), "up"));
  }

  private MigrationFailedException dumpFailed(Container c, Path dir, CommandFailedException e) {
    reattach(c);
    removeNetworkLock(c.pid);
    boolean alive = running(c.pid);
    String why = e.getMessage() + errorLines(dir.resolve("dump.log"));
    return new MigrationFailedException(name, "checkpoint of " + c.spec.vnf() + " at "
        + c.placement + " failed: " + why, alive);
  }

  @Override
  public CheckpointImage transfer(CheckpointImage image, Placement destination, NetworkPath path) {
    SiteNetwork from = site(image.location());
    SiteNetwork to = site(destination);
    Path source = Path.of(image.path());
    requireImage(source);
    if (destination.equals(image.location())) {
      return image;
    }
    Path target = source.resolveSibling(to.placement().site().value());
    createDirectory(target);
    try {
      copy(from, source, to, target, List.of("."), path);
    } catch (CommandFailedException e) {
      throw new MigrationFailedException(name, "transfer of " + source + " from "
          + image.location() + " to " + destination + " failed: " + e.getMessage(), false);
    }
    return image.at(destination, target.toString());
  }

  /** Copies {@code files} of {@code source} at one site into {@code target} at another. */
  private void copy(SiteNetwork from, Path source, SiteNetwork to, Path target,
      List<String> files, NetworkPath path) {
    createDirectory(target);
    int port = 9900 + sequence.incrementAndGet() % 90;
    long bytes = sizeOf(source);
    Duration timeout = Duration.ofSeconds(30).plus(path.rate().timeToSend(DataSize.ofBytes(bytes))
        .multipliedBy(5));
    Path receiverLog = target.resolveSibling("receiver.out");
    Process receiver = background(List.of("ip", "netns", "exec", to.netns(), "socat",
        "-u", "TCP-LISTEN:" + port + ",bind=" + to.hostAddress() + ",reuseaddr",
        "SYSTEM:tar -x -C " + target), receiverLog);
    try {
      Processes.run(timeout, List.of("ip", "netns", "exec", from.netns(), "sh", "-c",
          "tar -c -C '" + source + "' " + String.join(" ", files) + " | socat -u STDIN TCP:"
              + to.hostAddress() + ":" + port + ",bind=" + from.hostAddress()
              + ",retry=100,interval=0.02"));
      if (!receiver.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)
          || receiver.exitValue() != 0) {
        throw new CommandFailedException(List.of("socat", "(receiver at " + to.placement() + ")"),
            "did not finish cleanly" + Processes.quote(tail(receiverLog)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException(List.of("socat"), "interrupted");
    } finally {
      Processes.kill(receiver);
    }
  }

  /**
   * For a restore at the source after a failed move: brings back the memory pages that the dump's
   * page server wrote at the destination.
   */
  private void pagesBack(CheckpointImage image, SiteNetwork site, Path dir) {
    Placement at = pagesAt.get(key(dir));
    if (at == null || at.equals(image.location())) {
      return;
    }
    Path remote = dir.resolveSibling(at.site().value());
    List<String> missing = new ArrayList<>();
    try (Stream<Path> files = Files.list(remote)) {
      files.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("pages-") || n.startsWith("pagemap-"))
          .filter(n -> !Files.exists(dir.resolve(n)))
          .forEach(missing::add);
    } catch (IOException e) {
      throw new MigrationFailedException(name, "the memory pages of " + image.vnf()
          + " went to " + at + ", and " + remote + " cannot be read: " + e.getMessage(), false);
    }
    if (missing.isEmpty()) {
      return;
    }
    try {
      copy(site(at), remote, site, dir, missing,
          new NetworkPath(org.ferry.model.unit.DataRate.ofGbps(1), Duration.ZERO));
    } catch (CommandFailedException e) {
      throw new MigrationFailedException(name, "could not bring the memory pages of "
          + image.vnf() + " back from " + at + ": " + e.getMessage(), false);
    }
    log.info("memory pages of {} copied back from {} for a restore at {}", image.vnf(), at,
        image.location());
  }

  @Override
  public void restore(CheckpointImage image) {
    Container c = require(image.vnf());
    SiteNetwork site = site(image.location());
    Path dir = Path.of(image.path());
    LazySession lazy = lazySessions.get(key(dir));
    if (lazy != null && image.location().equals(lazy.source.placement())) {
      thawAtSource(c, lazy, image);
      return;
    }
    requireImage(dir);
    if (image.approach() == MigrationApproach.STOP_AND_COPY) {
      pagesBack(image, site, dir);
    }
    Path pidfile = dir.resolve("restored-" + sequence.incrementAndGet() + ".pid");
    Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "del",
        c.hostIf));
    List<String> restore = new ArrayList<>(List.of("nsenter", "--net=" + site.netnsPath(),
        criu.command(), "restore", "-D", dir.toString(), "--tcp-established", "-d", "-o",
        "restore.log", VERBOSITY, "--pidfile", pidfile.toString(), "--external",
        "veth[eth0]:" + c.hostIf + "@" + site.bridge()));
    LazySession session = null;
    if (image.approach() == MigrationApproach.LAZY) {
      session = lazy;
      if (session == null) {
        throw new MigrationFailedException(name, "no lazy dump serves the pages of " + dir,
            true);
      }
      startPager(session, site, dir);
      restore.add("--lazy-pages");
    }
    try {
      Processes.run(CRIU_TIMEOUT, restore);
    } catch (CommandFailedException e) {
      if (session != null && session.pager != null) {
        Processes.kill(session.pager);
      }
      Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", site.netns(), "link", "del",
          c.hostIf));
      throw new MigrationFailedException(name, "restore of " + image.vnf() + " at "
          + image.location() + " failed: " + e.getMessage() + errorLines(dir.resolve(
              "restore.log")), false);
    }
    long pid = readPid(pidfile);
    if (!image.location().equals(c.placement)) {
      SiteNetwork old = sites.get(c.placement);
      Processes.attempt(IP_TIMEOUT, List.of("ip", "-n", old.netns(), "link", "del",
          c.hostIf));
    }
    c.pid = pid;
    c.placement = image.location();
    log.info("container {} restored at {} (pid {})", image.vnf(), image.location(), pid);
  }

  /** Brings a lazily dumped container back where it was: the source tree still exists, frozen. */
  private void thawAtSource(Container c, LazySession lazy, CheckpointImage image) {
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
    lazySessions.remove(key(Path.of(image.path())));
    lowerPipeSize();
    removeNetworkLock(c.pid);
    reattach(c);
    if (!running(c.pid)) {
      throw new MigrationFailedException(name, "the lazily dumped " + c.spec.vnf() + " (pid "
          + c.pid + ") is gone from " + c.placement + "; nothing to thaw", false);
    }
    log.info("container {} resumed at its source {} (pid {})", c.spec.vnf(), c.placement, c.pid);
  }

  private void startPager(LazySession session, SiteNetwork site, Path dir) {
    Path socket = dir.resolve("lazy-pages.socket");
    Process pager = background(List.of("nsenter", "--net=" + site.netnsPath(),
        criu.command(), "lazy-pages", "--page-server", "--address", session.source.hostAddress(),
        "--port", Integer.toString(session.port), "-D", dir.toString(), "-o", "lazy-pages.log",
        VERBOSITY), dir.resolveSibling("lazy-pages.out"));
    session.pager = pager;
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!Files.exists(socket)) {
      if (!pager.isAlive() || System.nanoTime() > deadline) {
        Processes.kill(pager);
        throw new MigrationFailedException(name, "criu lazy-pages at " + site.placement()
            + " did not start" + errorLines(dir.resolve("lazy-pages.log")), true);
      }
      sleep(1);
    }
  }

  @Override
  public DataSize awaitLazyPages(CheckpointImage image, NetworkPath path) {
    LazySession session = lazySessions.get(key(Path.of(image.path())));
    if (session == null || session.pager == null) {
      throw new MigrationFailedException(name, "no lazy restore of " + image.path()
          + " is pulling pages", true);
    }
    Duration timeout = Duration.ofSeconds(30).plus(path.rate().timeToSend(image.lazyMemory())
        .multipliedBy(10));
    try {
      if (!session.pager.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        Processes.kill(session.pager);
        throw new MigrationFailedException(name, "lazy pages of " + image.vnf() + " did not all"
            + " arrive within " + timeout.toSeconds() + " s", false);
      }
      if (!session.dump.waitFor(30, TimeUnit.SECONDS)) {
        Processes.kill(session.dump);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MigrationFailedException(name, "interrupted while pulling pages", false);
    } finally {
      lazySessions.remove(key(session.sourceDir));
      lowerPipeSize();
    }
    if (session.pager.exitValue() != 0) {
      throw new MigrationFailedException(name, "criu lazy-pages exited with "
          + session.pager.exitValue() + errorLines(Path.of(image.path(), "lazy-pages.log")),
          false);
    }
    return CriuStats.readDump(session.sourceDir)
        .filter(d -> d.pagesLazy() > 0)
        .map(d -> DataSize.ofBytes(d.bytesLazy()))
        .orElse(image.lazyMemory());
  }

  @Override
  public void discard(CheckpointImage image) {
    String key = key(Path.of(image.path()));
    LazySession session = lazySessions.get(key);
    // discarding the destination's copy after a failed restore keeps the source's page server
    if (session != null && image.location().equals(session.source.placement())) {
      lazySessions.remove(key);
      if (session.pager != null) {
        Processes.kill(session.pager);
      }
      Processes.kill(session.dump);
      lowerPipeSize();
    }
    Path dir = Path.of(image.path());
    if (image.location().equals(pagesAt.get(key(dir)))) {
      // this copy holds the move's memory pages: while the source's image is kept (for a restore
      // at the source after a failed move), the pages go back to it before this copy goes
      sourceImageOf(dir).ifPresent(source -> pagesBack(source, site(source.location()),
          Path.of(source.path())));
      pagesAt.remove(key(dir));
    }
    if (KEEP_IMAGES) {
      return;
    }
    deleteTree(dir);
    try (Stream<Path> left = Files.list(dir.getParent())) {
      if (left.findAny().isEmpty()) {
        Files.deleteIfExists(dir.getParent());
      }
    } catch (IOException e) {
      // the move's directory stays
    }
  }

  /** The image of the same move kept at another site (the source's), if there is one. */
  private Optional<CheckpointImage> sourceImageOf(Path dir) {
    for (SiteNetwork other : sites.values()) {
      Path sibling = dir.resolveSibling(other.placement().site().value());
      if (!sibling.equals(dir) && nonEmpty(sibling.resolve("inventory.img"))) {
        return Optional.of(new CheckpointImage(containerOf(dir), other.placement(),
            sibling.toString(), DataSize.ZERO, DataSize.ZERO, MigrationApproach.STOP_AND_COPY));
      }
    }
    return Optional.empty();
  }

  private VnfId containerOf(Path dir) {
    String move = dir.toAbsolutePath().getParent().getFileName().toString();
    return VnfId.of(move.substring(0, move.lastIndexOf('-')));
  }

  /** One move's key: the directory above its per-site image directories. */
  private static String key(Path imageDir) {
    return imageDir.toAbsolutePath().getParent().toString();
  }

  /** CRIU's statistics for an image: the dump's, and the restore's once it has been restored. */
  public record ImageStats(Optional<CriuStats.Dump> dump, Optional<CriuStats.Restore> restore) {}

  /**
   * When the dump of this image's move was launched ({@link System#nanoTime}): the container is
   * frozen from shortly after this until it runs at the destination. Setting up the destination's
   * page server before that is not frozen time.
   */
  public OptionalLong dumpStartedNanos(CheckpointImage image) {
    Long started = dumpStarted.get(key(Path.of(image.path())));
    return started == null ? OptionalLong.empty() : OptionalLong.of(started);
  }

  /** Reads CRIU's statistics from an image directory (at its source or its destination). */
  public ImageStats stats(CheckpointImage image) {
    Path dir = Path.of(image.path());
    return new ImageStats(CriuStats.readDump(dir), CriuStats.readRestore(dir));
  }

  /** Stops every container this VIM started, ends lazy sessions and puts sysctls back. */
  @Override
  public void close() {
    for (LazySession s : List.copyOf(lazySessions.values())) {
      if (s.pager != null) {
        Processes.kill(s.pager);
      }
      Processes.kill(s.dump);
    }
    lazySessions.clear();
    for (VnfId vnf : List.copyOf(containers.keySet())) {
      stop(vnf);
    }
    synchronized (pipeLock) {
      if (pipeUsers > 0) {
        pipeUsers = 1;
      }
    }
    lowerPipeSize();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private Container require(VnfId vnf) {
    Container c = containers.get(vnf);
    if (c == null) {
      throw new MigrationFailedException(name, "no container " + vnf + " here", false);
    }
    return c;
  }

  private SiteNetwork site(Placement placement) {
    SiteNetwork site = sites.get(placement);
    if (site == null) {
      throw new IllegalArgumentException(name + " has no host at " + placement + "; it has "
          + sites.keySet());
    }
    return site;
  }

  private void requireImage(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MigrationFailedException(name, "image directory " + dir + " is missing", false);
    }
    for (String needed : List.of("inventory.img", "pstree.img")) {
      if (!nonEmpty(dir.resolve(needed))) {
        throw new MigrationFailedException(name, "image directory " + dir + " is damaged: "
            + needed + " is missing or empty", false);
      }
    }
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
      sleep(2);
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
          sleep(20); // the killed tree may still be leaving it
        }
      }
    }
  }

  /**
   * Removes CRIU's network lock from a container's namespace: a failed dump leaves it there and
   * the container unreachable.
   */
  private void removeNetworkLock(long pid) {
    if (!running(pid)) {
      return;
    }
    Processes.attempt(IP_TIMEOUT, List.of("nsenter", "-t", Long.toString(pid), "-n",
        "sh", "-c", "for t in iptables ip6tables; do $t -w -D INPUT -j CRIU; "
            + "$t -w -D OUTPUT -j CRIU; $t -w -F CRIU; $t -w -X CRIU; done 2>/dev/null; "
            + "for t in $(nft list tables 2>/dev/null | awk '$3 ~ /^CRIU/ {print $2\" \"$3}'); "
            + "do :; done; nft list tables 2>/dev/null | awk '$3 ~ /^CRIU/ {print $2, $3}' | "
            + "while read f n; do nft delete table $f $n; done; true"));
  }

  private void raisePipeSize() {
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
        throw new MigrationFailedException(name, "cannot raise fs.pipe-max-size to "
            + LAZY_PIPE_MAX + " for lazy pages: " + e.getMessage(), true);
      }
    }
  }

  private void lowerPipeSize() {
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

  private static boolean exited(Process process, Duration within) {
    try {
      return process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X' && state != 'T' && state != 't';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  private static long residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return 0;
  }

  private long readPid(Path pidfile) {
    try {
      return Long.parseLong(Files.readString(pidfile).strip());
    } catch (IOException | NumberFormatException e) {
      throw new MigrationFailedException(name, "criu restore wrote no usable pidfile "
          + pidfile + ": " + e.getMessage(), false);
    }
  }

  static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static boolean nonEmpty(Path file) {
    try {
      return Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  private static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** CRIU's "Error" lines from a log, quoted, or nothing. */
  private static String errorLines(Path logFile) {
    try {
      List<String> errors = Files.readAllLines(logFile).stream()
          .filter(l -> l.contains("Error") && !l.contains("RLIMIT_NOFILE"))
          .limit(6)
          .toList();
      return errors.isEmpty() ? "" : "; " + logFile.getFileName() + " says: \""
          + String.join(" | ", errors).strip() + "\"";
    } catch (IOException e) {
      return "";
    }
  }

  private static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort
        }
      });
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }

  private static Process background(List<String> argv, Path log) {
    return org.ferry.testbed.net.CommandRunner.startBackground(argv, log);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
