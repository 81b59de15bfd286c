package org.ferry.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.ferry.app.assembly.Assembly;
import org.ferry.app.assembly.StoredInventorySource;
import org.ferry.inventory.InventoryLoader;
import org.ferry.persistence.JdbcRunStore;
import org.ferry.persistence.RunDatabase;
import org.ferry.run.RunService;
import org.ferry.server.FerryServer;
import org.ferry.server.MeteredOpticalController;
import org.ferry.server.auth.DataDirectory;
import org.ferry.server.auth.FileTokenAuthenticator;
import org.ferry.server.auth.TlsSettings;
import org.ferry.server.auth.TokenStore;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.WorkflowSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry server}: Ferry as a long-running service over the reference setting in the twin
 * (or with its optical layer on a TransportPCE over HTTP), serving the REST API until SIGTERM,
 * which drains it: no new runs, runs in flight finish within {@code --drain-timeout}, then the
 * HTTP server stops and the process exits 0.
 */
@Command(
    name = "server",
    mixinStandardHelpOptions = true,
    description = {
      "Runs Ferry as a service with its REST API, until SIGTERM.",
      "The API is described at /openapi.json."
    })
public final class ServerCommand implements Callable<Integer> {

  /** Printed once the server accepts requests; scripts wait for it. */
  public static final String LISTENING = "listening on ";

  @Spec CommandSpec spec;

  @Mixin SettingOptions setting;

  @Mixin OpticalOptions optical;

  @Mixin TlsOptions tls;

  @Option(names = "--listen", defaultValue = "127.0.0.1:8080", paramLabel = "ADDR:PORT",
      description = "Where to listen (default: ${DEFAULT-VALUE}); port 0 picks a free one")
  String listen;

  @Option(names = "--data-dir", paramLabel = "DIR",
      description = "Where Ferry keeps its files (tokens, inventory versions, and the runs"
          + " unless --db says otherwise); created if missing. Default: $XDG_DATA_HOME/ferry,"
          + " else ~/.local/share/ferry")
  Path dataDir;

  @Mixin RunDatabaseOptions database;

  @Option(names = "--drain-timeout", defaultValue = "60", paramLabel = "SECONDS",
      description = "On SIGTERM, how long runs in flight have to finish (default:"
          + " ${DEFAULT-VALUE})")
  long drainSeconds;

  /** A started server and what it runs on; closing it drains and stops everything. */
  record Running(FerryServer server, RunService runs, ExecutorService pool,
      Optional<AutoCloseable> assembly, JdbcRunStore store, Duration drainBound)
      implements AutoCloseable {
    @Override
    public void close() {
      server.drain(drainBound);
      server.close();
      pool.shutdownNow();
      // After the runs: a run still in flight past the drain may append its last events.
      store.close();
      assembly.ifPresent(c -> {
        try {
          c.close();
        } catch (Exception e) {
          // Shutting down: the controller's connection goes with the process.
        }
      });
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    Running running = start(spec.commandLine().getOut());
    CountDownLatch stopped = new CountDownLatch(1);
    AtomicInteger exit = new AtomicInteger();
    Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("ferry-drain").unstarted(() -> {
      spec.commandLine().getOut().println("ferry server: draining (up to " + drainSeconds
          + " s for runs in flight)");
      spec.commandLine().getOut().flush();
      running.close();
      stopped.countDown();
      // A JVM ended by SIGTERM exits 143; a drained server has done what was asked of it.
      Runtime.getRuntime().halt(exit.get());
    }));
    stopped.await();
    return exit.get();
  }

  /**
   * Opens the run database, brings the setting, the run service and the server up, and prints
   * the listening line. A database that cannot be opened ends it before anything else starts.
   *
   * @throws org.ferry.persistence.RunDatabaseException if the database cannot be reached or
   *     holds a schema newer than this Ferry
   */
  Running start(PrintWriter out) {
    if (drainSeconds <= 0) {
      throw new IllegalArgumentException("--drain-timeout must be above 0 seconds, got "
          + drainSeconds);
    }
    ListenAddress address = ListenAddress.parse(listen);
    ListenHost.check("--listen", address.host());
    Path data = dataDir == null ? DataDirectory.defaultPath() : dataDir;
    try {
      Files.createDirectories(data);
    } catch (IOException e) {
      throw new UncheckedIOException("--data-dir " + data + ": cannot create it ("
          + e.getMessage() + "); give a directory this user can write", e);
    }
    RunDatabase.Target target = database.target(data, System.getenv());
    JdbcRunStore store = JdbcRunStore.open(target);
    try {
      return start(out, address, data, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private Running start(PrintWriter out, ListenAddress address, Path data, JdbcRunStore store) {
    // Runs go concurrently on a pool in real time: the twin's waits are skipped, not slept.
    Assembly assembly = Assembly.of(setting.network(), setting.testbed(),
        optical.enabled() ? Optional.of(optical.settings()) : Optional.empty(),
        Assembly.Runs.CONCURRENT);
    assembly.orphans().released().forEach(id -> out.println("ferry server: released " + id
        + ", a temporary lightpath an earlier run set up and never released (it was killed)"));
    assembly.orphans().failed().forEach(f -> out.println("ferry server: could not release an"
        + " earlier run's temporary lightpath " + f));
    SimulatedDeployment deployment = assembly.deployment();
    WorkflowSettings settings =
        deployment.workflowSettings().withApproachPolicy(setting.approachPolicy());
    ExecutorService pool = Executors.newFixedThreadPool(4,
        r -> Thread.ofPlatform().daemon().name("ferry-run-", 0).unstarted(r));
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    Southbound twin = deployment.southbound();
    Southbound southbound = new Southbound(new MeteredOpticalController(twin.optical(),
        registry), twin.flows(), twin.compute(), twin.probe(), twin.vnfs(), twin.time());
    RunService runs = new RunService(southbound, settings, store, pool, RunListener.NONE);
    TokenStore tokens = new TokenStore(data);
    FerryServer server = new FerryServer(new FerryServer.Parts(runs, southbound, settings,
        new FileTokenAuthenticator(tokens),
        new StoredInventorySource(data, inventoryText(), setting.hasInventory()
            ? setting.inventoryPath().toString() : InventoryLoader.REFERENCE_RESOURCE), registry,
        Optional.of(tokens)));
    runs.start();
    Optional<TlsSettings> https = tls.settings();
    ListenHost.bind(address.host(), address.port(),
        () -> server.start(address.host(), address.port(), https));
    out.println("ferry server: runs kept in " + store.url());
    out.println("ferry server: " + LISTENING + (https.isPresent() ? "https://" : "http://")
        + address.hostForUri() + ":" + server.port());
    out.flush();
    return new Running(server, runs, pool, Optional.of(assembly), store,
        Duration.ofSeconds(drainSeconds));
  }

  /** {@code HOST:PORT}, the host a name, an IPv4 address or a bracketed IPv6 one. */
  record ListenAddress(String host, int port) {
    static ListenAddress parse(String text) {
      int colon = text.lastIndexOf(':');
      if (colon <= 0 || colon == text.length() - 1) {
        throw new IllegalArgumentException("--listen must be ADDR:PORT, e.g. 127.0.0.1:8080;"
            + " got '" + text + "'");
      }
      String host = text.substring(0, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      int port;
      try {
        port = Integer.parseInt(text.substring(colon + 1));
      } catch (NumberFormatException e) {
        port = -1;
      }
      if (port < 0 || port > 65_535) {
        throw new IllegalArgumentException("--listen: the port must be 0 to 65535, got '"
            + text.substring(colon + 1) + "'");
      }
      return new ListenAddress(host, port);
    }

    String hostForUri() {
      return host.contains(":") ? "[" + host + "]" : host;
    }
  }

  /** The text of the inventory the server starts on: the file's, or the shipped reference. */
  private String inventoryText() {
    try {
      if (setting.hasInventory()) {
        return Files.readString(setting.inventoryPath());
      }
      try (var in = InventoryLoader.class.getResourceAsStream(
          InventoryLoader.REFERENCE_RESOURCE)) {
        return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the inventory: " + e.getMessage(), e);
    }
  }
}
