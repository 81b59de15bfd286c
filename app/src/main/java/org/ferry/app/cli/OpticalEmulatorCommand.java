package org.ferry.app.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.InventoryLoader;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.optical.emulator.TopologyFromInventory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferry optical-emulator}: serves an emulated TransportPCE until interrupted. */
@Command(
    name = "optical-emulator",
    mixinStandardHelpOptions = true,
    description = {
      "Serves an emulated TransportPCE, with fault injection.",
      "TransportPCE's RESTCONF northbound API (RFC 8040, under /rests, basic auth) over an"
          + " emulated OpenROADM network, with fault injection under /ferry/admin and a"
          + " notification stream at /ferry/notifications (see docs/optical-emulator.md).",
      "Runs until interrupted (Ctrl-C)."
    })
public final class OpticalEmulatorCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8181",
      description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}, as TransportPCE)")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE})")
  String host;

  @Option(names = "--topology", paramLabel = "FILE",
      description = "The network and its start-up services as JSON (default: the reference"
          + " setting's three-site ring with backhaul-ran-a, backhaul-ran-b and dci-a-b)")
  Path topology;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Emulate the optical network of a Ferry inventory file instead (its ROADMs,"
          + " fibres and xponders; its lightpaths in service at start-up)")
  Path inventory;

  @Option(names = "--setup-delay", paramLabel = "SECONDS",
      description = "Device set-up time of a service, in seconds (default: TransportPCE's real"
          + " OLM timers, 280 s across two ROADMs)")
  BigDecimal setupDelay;

  @Option(names = "--user", defaultValue = "admin",
      description = "Basic-auth user (default: ${DEFAULT-VALUE}, as TransportPCE)")
  String user;

  @Option(names = "--password", defaultValue = "admin",
      description = "Basic-auth password (default: ${DEFAULT-VALUE}, as TransportPCE)")
  String password;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("--port must be 0 to 65535, got " + port);
    }
    Timings timings = Timings.realOlm();
    if (setupDelay != null) {
      if (setupDelay.signum() < 0) {
        throw new IllegalArgumentException("--setup-delay must be 0 or more seconds, got "
            + setupDelay);
      }
      timings = Timings.withSetupDelay(Duration.ofNanos(
          setupDelay.movePointRight(9).longValue()));
    }
    ListenHost.check("--host", host);
    if (topology != null && inventory != null) {
      throw new IllegalArgumentException("give --topology or --inventory, not both");
    }
    TopologyFile network = inventory != null ? fromInventory(InventoryLoader.load(inventory))
        : topology == null ? TopologyFile.defaults() : TopologyFile.read(topology);
    EmulatedTransportPce emulator = new EmulatedTransportPce(network, timings, user, password);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.close();
      stopped.countDown();
    }));
    ListenHost.bind(host, port, () -> emulator.start(host, port));
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Emulated TransportPCE on http://%s:%d/rests (user %s); %d ROADMs, %d xponders,"
        + " %d fibres; services at start-up: %s; set-up delay %s.%n", host, emulator.port(), user,
        network.network().roadms().size(), network.network().xponders().size(),
        network.network().fibers().size(),
        network.services().stream().map(TopologyFile.StartupService::name).toList(),
        setupDelay == null ? "as TransportPCE's OLM timers" : setupDelay + " s");
    out.printf("Cut a fibre: curl -u %s:%s -X POST -d '{\"fiber\":\"fiber-ran-a\"}'"
        + " http://%s:%d/ferry/admin/cut%n", user, password, host, emulator.port());
    out.flush();
    stopped.await();
    return 0;
  }

  /** The emulator's network for an inventory: its optical part, its lightpaths at start-up. */
  static TopologyFile fromInventory(Inventory inventory) {
    return TopologyFromInventory.of(inventory.topology(), inventory.lightpaths().stream()
        .map(lp -> new TopologyFile.StartupService(lp.id().value(), lp.a().value(),
            lp.z().value(), lp.restorable()))
        .toList());
  }
}
