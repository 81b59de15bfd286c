package org.ferry.app.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ferry.inventory.Inventory;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.run.RunService;
import org.ferry.run.Trigger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ferry migrate}: a planned move (maintenance, load balancing, power saving). */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Moves EPC functions to another site on purpose (a planned move).",
      "The same machinery as fault recovery: temporary lightpath, steering, live migration,"
          + " backhaul repoint, checks. Functions whose SLA would break without the ones moved"
          + " follow them.",
      "--optical URL: the optical layer on a TransportPCE over HTTP (compute simulated).",
      "--server URL: asks a running ferry server to make the move, and follows it; the setting is"
          + " the server's."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SettingOptions setting;

  @Mixin OpticalOptions optical;

  @Mixin ServerOptions remote;

  @Option(names = "--vnf", required = true, paramLabel = "KIND|ID",
      description = "A function to move: a kind (HSS, MME, SPGW, or one --inventory declares:"
          + " every VNF of it) or a VNF's id (repeat for several)")
  List<String> names;

  @Option(names = "--to",
      description = "The destination compute site (default: site-b; with --inventory:"
          + " required)")
  String to;

  @Option(names = "--out", paramLabel = "DIR", converter = WritableDirectory.class,
      description = "Also write the run as DIR/report.json and DIR/summary.csv")
  Path out;

  @Override
  public Integer call() throws InterruptedException {
    if (remote.enabled()) {
      return onServer();
    }
    if (optical.enabled()) {
      return overHttp();
    }
    SimulatedSession session = SimulatedSession.start(spec, setting);
    if (to == null && session.inventory().isPresent()) {
      throw new IllegalArgumentException("--to is required with --inventory: name the"
          + " destination, one of the compute sites " + session.deployment().world().topology()
              .sites().stream().filter(s -> s.role() == Site.Role.COMPUTE)
              .map(s -> s.id().value()).toList());
    }
    SiteId destination = SiteId.of(to == null ? "site-b" : to);
    List<VnfKind> known = session.inventory().map(Inventory::kinds).orElse(VnfKind.shipped());
    List<String> asked = new ArrayList<>();
    Set<VnfId> vnfs = chosen(session.deployment().vnfs().all(), known, asked);
    // Refused requests (an unknown or RAN site, a VNF already there) fail before the banner.
    session.orchestrator().check(Trigger.PlannedMove.of(vnfs, destination));
    session.out().printf("Ferry planned move, simulated mode: %s to %s.%n%n", asked, destination);
    session.orchestrator().move(vnfs, destination);
    return session.finish(Map.of("destination", destination.value()), out);
  }

  /** The move made by a running server: it has the setting, this process only follows. */
  private int onServer() throws InterruptedException {
    if (optical.enabled() || out != null) {
      throw new IllegalArgumentException("--server: the server has its own optical layer and"
          + " keeps the run; drop " + (out != null ? "--out" : "--optical") + " (ferry runs show"
          + " RUN_ID --format json gives the run's record)");
    }
    if (to == null) {
      throw new IllegalArgumentException("--to is required with --server: name the"
          + " destination, one of the server's compute sites");
    }
    return RemoteMigration.run(remote.client(), names, to, spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /**
   * The same move with the optical layer on a TransportPCE (or the emulator) over HTTP, in real
   * time, the compute layer simulated: the temporary lightpath is the controller's, and the SLA
   * checks use its fibres and routes.
   */
  private int overHttp() {
    try (HttpOpticalSession session = HttpOpticalSession.start(spec, setting, optical)) {
      SiteId destination = SiteId.of(to == null ? "site-b" : to);
      List<String> asked = new ArrayList<>();
      Set<VnfId> vnfs = chosen(session.deployment().vnfs().all(), VnfKind.shipped(), asked);
      RunService orchestrator = session.startOrchestrator();
      orchestrator.check(Trigger.PlannedMove.of(vnfs, destination));
      session.out().printf("Ferry planned move, optical layer on %s (real time), compute"
          + " simulated: %s to %s.%n", session.controller().client().peer(), asked, destination);
      session.printDisagreements();
      session.out().println();
      orchestrator.move(vnfs, destination);
      return session.finish(orchestrator.reports(), Map.of("destination", destination.value()),
          out);
    }
  }

  /**
   * The VNFs {@code --vnf} names: each a VNF's id, or a kind (every VNF of it); a name given
   * twice counts once.
   *
   * @param asked filled with what was asked for, each once, as the user will read it back
   */
  private Set<VnfId> chosen(List<Vnf> deployed, List<VnfKind> known, List<String> asked) {
    Set<VnfId> vnfs = new LinkedHashSet<>();
    for (String name : names) {
      Optional<Vnf> byId = deployed.stream().filter(v -> v.id().value().equals(name))
          .findFirst();
      if (byId.isPresent()) {
        vnfs.add(byId.get().id());
        addOnce(asked, name);
        continue;
      }
      VnfKind kind;
      try {
        kind = VnfKind.parse(name, known);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--vnf: " + e.getMessage() + ", or a VNF id: "
            + deployed.stream().map(v -> v.id().value()).toList(), e);
      }
      deployed.stream().filter(v -> v.kind().equals(kind)).map(Vnf::id).forEach(vnfs::add);
      addOnce(asked, kind.name());
    }
    return vnfs;
  }

  private static void addOnce(List<String> names, String name) {
    if (!names.contains(name)) {
      names.add(name);
    }
  }
}
