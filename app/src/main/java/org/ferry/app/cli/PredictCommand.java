package org.ferry.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.ferry.app.report.CsvTable;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.Names;
import org.ferry.model.network.Testbed;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Distance;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationScenario;
import org.ferry.prediction.calibration.Metric;
import org.ferry.prediction.calibration.ReferenceData;
import org.ferry.seam.compute.NetworkPath;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry predict}: what the calibrated model expects one move to take. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Prints what the calibrated model predicts moving one function takes.",
      "Each phase, the total, the downtime, the bytes moved and, for the SPGW, the UE service"
          + " recovery time. The migration stream takes a lightpath of the testbed's management"
          + " switchponders over KM of fibre. The setting defaults to the reference setting's, as"
          + " for ferry demo.",
      "--server URL --vnf ID|KIND --to SITE: a what-if on a running ferry server, over its"
          + " network: each approach's figures and the one it would choose."
    })
public final class PredictCommand implements Callable<Integer> {

  /** How the figures are printed. */
  public enum Format {
    TABLE,
    CSV,
    JSON
  }

  @Spec CommandSpec spec;

  @Option(names = "--vnf", required = true, paramLabel = "KIND",
      description = "The function: HSS, MME or SPGW, or a kind --inventory declares; with"
          + " --server, a VNF's id or a kind (every VNF of it)")
  String kindName;

  @Mixin ServerOptions remote;

  @Option(names = "--to", paramLabel = "SITE",
      description = "With --server: the destination compute site")
  String to;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "An inventory (YAML or JSON) whose declared kinds --vnf may name")
  Path inventory;

  /** The kind --vnf names, resolved in {@link #call()}. */
  private VnfKind kind;

  @Option(names = "--virtualization", defaultValue = SettingDefaults.VIRTUALIZATION,
      description = "vm or container (default: ${DEFAULT-VALUE})")
  Virtualization virtualization;

  @Option(names = "--flavor", defaultValue = SettingDefaults.FLAVOR,
      description = "small (1 vCPU, 2 GB) or medium (2 vCPU, 4 GB) (default: ${DEFAULT-VALUE})")
  Flavor flavor;

  @Option(names = "--distance-km", paramLabel = "KM", defaultValue = SettingDefaults.DISTANCE_KM,
      description = "Kilometres of lightpath fibre between the hosts, 0 or more (default:"
          + " ${DEFAULT-VALUE})")
  Distance distance;

  @Option(names = "--interface", defaultValue = SettingDefaults.INTERFACE,
      description = "The backhaul interface: openvpn or floating-ip (default: ${DEFAULT-VALUE})")
  BackhaulInterface backhaul;

  @Option(names = "--testbed", defaultValue = SettingDefaults.TESTBED,
      description = "openroadm (Sandy Bridge, 1G-10G-1G management) or datacenter"
          + " (Broadwell, 10G) (default: ${DEFAULT-VALUE})")
  Testbed testbed;

  @Option(names = "--approach",
      description = "pre-copy, post-copy, stop-and-copy or lazy; default: the reference"
          + " approach (pre-copy for a VM, stop-and-copy for a container)")
  MigrationApproach approach;

  @Option(names = "--format", defaultValue = "table",
      description = "table, csv (metric,value,unit) or json (default: ${DEFAULT-VALUE})")
  String format;

  /** One printed figure. */
  record Row(String metric, String value, String unit) {}

  @Override
  public Integer call() throws Exception {
    if (remote.enabled()) {
      return onServer();
    }
    if (to != null) {
      throw new IllegalArgumentException("--to: only with --server; a local prediction takes"
          + " --distance-km");
    }
    Format parsedFormat;
    try {
      parsedFormat = Names.parse(Format.class, format, "format",
          f -> f.name().toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--format: " + e.getMessage(), e);
    }
    List<VnfKind> known = inventory == null ? VnfKind.shipped()
        : InventoryLoader.load(inventory).kinds();
    try {
      kind = VnfKind.parse(kindName, known);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--vnf: " + e.getMessage()
          + (inventory == null ? " (or a kind declared in an --inventory file)" : ""), e);
    }
    MigrationApproach chosen =
        approach == null ? MigrationApproach.referenceFor(virtualization) : approach;
    if (chosen.virtualization() != virtualization) {
      throw new IllegalArgumentException("--approach " + chosen.displayName() + " moves a "
          + chosen.virtualization().displayName() + ", but --virtualization is "
          + virtualization.displayName());
    }
    MigrationScenario scenario = MigrationScenario.of(kind, virtualization, flavor,
        NetworkPath.over(testbed.management(), distance), backhaul, testbed);
    Prediction prediction = CalibratedMigrationModel.reference().predict(scenario, chosen);
    List<Row> rows = rows(prediction);
    PrintWriter out = spec.commandLine().getOut();
    switch (parsedFormat) {
      case CSV -> out.print(CsvTable.text(List.of("metric", "value", "unit"),
          rows.stream().map(r -> List.of(r.metric(), r.value(), r.unit())).toList()));
      case JSON -> out.println(json(prediction, rows));
      case TABLE -> table(out, prediction, rows);
    }
    out.flush();
    if (distance.kilometres() > SettingDefaults.REGIONAL_KM) {
      spec.commandLine().getErr().printf(Locale.ROOT, "ferry: warning: %s of lightpath is"
          + " longer than metro and regional networks run (up to about %.0f km); the model is"
          + " calibrated on up to 50 km, so these figures are an extrapolation%n", distance,
          SettingDefaults.REGIONAL_KM);
    }
    if (!prediction.converges()) {
      spec.commandLine().getErr().println("ferry: " + chosen.displayName() + " of the " + kind
          + " " + convergenceMessage(prediction));
    }
    return 0;
  }

  /** A what-if on the server: its network decides the route, so none of the setting applies. */
  private int onServer() throws Exception {
    if (to == null) {
      throw new IllegalArgumentException("--to is required with --server: the destination"
          + " compute site");
    }
    boolean json = OutputFormat.textOrJson(format, "table");
    return RemotePrediction.run(remote.client(), List.of(kindName), to, json,
        spec.commandLine().getOut());
  }

  /** The figures in the order of the CSV. */
  static List<Row> rows(Prediction p) {
    List<Row> rows = new ArrayList<>();
    p.phases().forEach((phase, estimate) ->
        rows.add(new Row(phaseName(phase), seconds(estimate.duration()), "s")));
    rows.add(new Row("total", seconds(p.migrationTime()), "s"));
    rows.add(new Row("downtime", seconds(p.downtime()), "s"));
    rows.add(new Row("bytes_moved",
        String.format(Locale.ROOT, "%.1f", p.bytesMoved().megabytes()), "MB"));
    p.ueServiceRecovery().ifPresent(srt -> rows.add(new Row("ue_srt", seconds(srt), "s")));
    if (!p.converges()) {
      rows.add(new Row("convergence", p.convergence().displayName(), ""));
    }
    return rows;
  }

  /** The reference tables' names: "prelive", "postlive", "checkpoint"; "page_pull". */
  static String phaseName(Phase phase) {
    return switch (phase) {
      case PRE_LIVE -> "prelive";
      case POST_LIVE -> "postlive";
      default -> phase.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String seconds(java.time.Duration d) {
    return String.format(Locale.ROOT, "%.3f", Durations.seconds(d));
  }

  private void table(PrintWriter out, Prediction p, List<Row> rows) {
    out.printf("%s as %s (%s), %s over %s of lightpath on the %s testbed, %s backhaul%n",
        kind, virtualization.displayName(), flavor.displayName(), p.approach().displayName(),
        distance, testbed.displayName(), backhaul.displayName());
    for (Row row : rows) {
      if (!row.metric().equals("convergence")) {
        String measured = reference(p, row.metric())
            .map(r -> String.format(Locale.ROOT, "   (reference study: %.2f s)", r)).orElse("");
        out.printf("  %-12s %12s %s%s%n", row.metric(), row.value(), row.unit(), measured);
      }
    }
    out.println(p.converges() ? "  converges" : "  " + convergenceMessage(p));
  }

  /**
   * The reference study's figure for this metric, in seconds, where it measured this
   * configuration with this approach (HSS and MME on the optical testbed).
   */
  private Optional<Double> reference(Prediction p, String metric) {
    if (p.approach() != MigrationApproach.referenceFor(virtualization)) {
      return Optional.empty();
    }
    Optional<Metric> known = Arrays.stream(Metric.values())
        .filter(m -> m.csvName().equals(metric)).findFirst();
    return known.flatMap(m -> ReferenceData.bundled().figure(new ReferenceData.Configuration(
            kind, virtualization, flavor, backhaul, testbed, distance), m))
        .map(Durations::seconds);
  }

  private static String convergenceMessage(Prediction p) {
    return switch (p.convergence()) {
      case CONVERGES -> "converges";
      case ROUND_CAP_HIT -> "does not get under the downtime limit before the round cap:"
          + " the guest is stopped with more left to send";
      case DOES_NOT_CONVERGE -> "does not converge: the guest dirties memory as fast as the"
          + " stream sends it; the figures are those of stopping it at the round cap."
          + " Use post-copy.";
    };
  }

  private String json(Prediction p, List<Row> rows) {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode node = mapper.createObjectNode();
    node.put("vnf", kind.name());
    node.put("virtualization", virtualization.displayName());
    node.put("flavor", flavor.displayName());
    node.put("distance_km", distance.kilometres());
    node.put("interface", backhaul.displayName());
    node.put("testbed", testbed.displayName());
    node.put("approach", p.approach().displayName());
    node.put("convergence", p.convergence().displayName());
    ObjectNode figures = node.putObject("figures");
    for (Row row : rows) {
      if (!row.metric().equals("convergence")) {
        ObjectNode figure = figures.putObject(row.metric());
        figure.put("value", Double.parseDouble(row.value()));
        figure.put("unit", row.unit());
        reference(p, row.metric()).ifPresent(r -> figure.put("reference", r));
      }
    }
    try {
      return mapper.writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the prediction as JSON", e);
    }
  }
}
