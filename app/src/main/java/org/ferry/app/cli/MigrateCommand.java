package org.ferry.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
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
      "Moves EPC functions to another site on purpose, with the same machinery as fault",
      "recovery: temporary lightpath, steering, live migration, backhaul repoint, checks.",
      "Functions whose SLA would break without the ones moved follow them."
    })
public final class MigrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SettingOptions setting;

  @Option(names = "--vnf", required = true, paramLabel = "KIND",
      description = "A function to move: HSS, MME or SPGW (repeat for several)")
  List<VnfKind> kinds;

  @Option(names = "--to", defaultValue = "site-b",
      description = "The destination compute site (default: ${DEFAULT-VALUE})")
  String to;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also write the run as DIR/report.json and DIR/summary.csv")
  Path out;

  @Override
  public Integer call() {
    SimulatedSession session = SimulatedSession.start(spec, setting);
    SiteId destination = SiteId.of(to);
    Set<VnfId> vnfs = new LinkedHashSet<>();
    for (VnfKind kind : kinds) {
      session.deployment().vnfs().all().stream().filter(v -> v.kind().equals(kind)).map(Vnf::id)
          .forEach(vnfs::add);
    }
    session.out().printf("Ferry planned move, simulated mode: %s to %s.%n%n", kinds, destination);
    session.orchestrator().move(vnfs, destination);
    return session.finish(Map.of("destination", destination.value()), out);
  }
}
