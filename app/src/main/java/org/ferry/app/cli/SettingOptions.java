package org.ferry.app.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ferry.decision.ApproachPolicy;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.simulation.ReferenceSetting;
import picocli.CommandLine.Option;

/** The options that shape the reference setting, shared by the commands that bring it up. */
public final class SettingOptions {

  /** Where the run happens. */
  public enum Mode {
    SIMULATED,
    TESTBED,
    LIVE
  }

  @Option(names = "--mode", defaultValue = "simulated",
      description = "simulated (the default: the digital twin, no root), testbed or live")
  String mode;

  @Option(names = "--virtualization", defaultValue = "vm",
      description = "How the EPC is packaged: vm or container (default: ${DEFAULT-VALUE})")
  Virtualization virtualization;

  @Option(names = "--flavor", defaultValue = "small",
      description = "Size of each VNF: small (1 vCPU, 2 GB) or medium (2 vCPU, 4 GB)")
  Flavor flavor;

  @Option(names = "--interface", defaultValue = "floating-ip",
      description = "How the RAN reaches the EPC: floating-ip or openvpn (default: ${DEFAULT-VALUE})")
  BackhaulInterface backhaul;

  @Option(names = "--distance-km", defaultValue = "50",
      description = "Fibre between the two compute sites, in km, above 0 (default: ${DEFAULT-VALUE})")
  Distance interSiteDistance;

  @Option(names = "--testbed", defaultValue = "openroadm",
      description = "The compute sites' hardware: openroadm (Sandy Bridge, 1G management"
          + " lightpaths) or datacenter (Broadwell, 10G) (default: ${DEFAULT-VALUE})")
  Testbed testbed;

  @Option(names = "--approach",
      description = "Force a migration approach (pre-copy, post-copy, stop-and-copy, lazy);"
          + " by default Ferry picks the one with the least predicted downtime")
  MigrationApproach approach;

  /** The options as the setting's, after checking what the domain types cannot. */
  ReferenceSetting.Options toSetting() {
    return toSetting(false);
  }

  /** Whether {@code --mode testbed} was asked for. */
  boolean testbedMode() {
    return parseMode() == Mode.TESTBED;
  }

  /**
   * @param testbedAllowed whether the command runs on the testbed too ({@code ferry demo} does)
   */
  ReferenceSetting.Options toSetting(boolean testbedAllowed) {
    Mode parsed = parseMode();
    if (parsed == Mode.TESTBED && !testbedAllowed) {
      throw new IllegalArgumentException("--mode testbed is only for ferry demo; use --mode"
          + " simulated here");
    }
    if (parsed == Mode.LIVE) {
      throw new IllegalArgumentException("--mode live is not available in this build yet;"
          + " use --mode simulated or (ferry demo, as root on Linux) --mode testbed");
    }
    if (interSiteDistance.kilometres() <= 0) {
      throw new IllegalArgumentException(
          "--distance-km must be above 0 (the sites are joined by fibre), got "
              + interSiteDistance.kilometres());
    }
    if (approach != null && approach.virtualization() != virtualization) {
      throw new IllegalArgumentException("--approach " + approach.displayName() + " moves a "
          + approach.virtualization().displayName() + ", but --virtualization is "
          + virtualization.displayName());
    }
    return ReferenceSetting.Options.defaults()
        .withVirtualization(virtualization)
        .withFlavor(flavor)
        .withBackhaul(backhaul)
        .withInterSiteDistance(interSiteDistance)
        .withTestbed(testbed);
  }

  ApproachPolicy approachPolicy() {
    return Optional.ofNullable(approach).map(ApproachPolicy::always)
        .orElse(ApproachPolicy.leastDowntime());
  }

  /** The setting as written into report.json. */
  Map<String, String> describe() {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("mode", parseMode().name().toLowerCase());
    context.put("virtualization", virtualization.displayName());
    context.put("flavor", flavor.displayName());
    context.put("interface", backhaul.displayName());
    context.put("inter_site_km", Double.toString(interSiteDistance.kilometres()));
    context.put("testbed", testbed.displayName());
    context.put("approach", approach == null ? "least-predicted-downtime"
        : approach.displayName());
    return context;
  }

  private Mode parseMode() {
    return org.ferry.model.Names.parse(Mode.class, mode, "mode",
        m -> m.name().toLowerCase(java.util.Locale.ROOT));
  }
}
