package org.ferry.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.decision.ApproachPolicy;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.simulation.ReferenceSetting;
import picocli.CommandLine.Option;

/**
 * The options that shape the network a command brings up, shared by the commands that do: the
 * reference setting and its variations, or the network of {@code --inventory FILE}.
 */
public final class SettingOptions {

  private static final ReferenceSetting.Options REFERENCE = ReferenceSetting.Options.defaults();

  /** Where the run happens. */
  public enum Mode {
    SIMULATED,
    TESTBED,
    LIVE
  }

  @Option(names = "--mode", defaultValue = "simulated",
      description = "simulated (the digital twin, no root); ferry demo also runs on the testbed in"
          + " a box: testbed (root, Linux) (default: ${DEFAULT-VALUE})")
  String mode;

  @Option(names = "--inventory", paramLabel = "FILE",
      description = "Run on the network FILE describes (YAML or JSON; see docs/inventory.md)"
          + " instead of the reference setting")
  Path inventory;

  // No picocli defaults below: with --inventory, an option given overrides every VNF's own
  // value, and one not given leaves the file's; the reference setting's defaults apply otherwise.
  @Option(names = "--virtualization",
      description = "How the EPC is packaged: vm or container (default: vm; with --inventory:"
          + " each VNF's own)")
  Virtualization virtualization;

  @Option(names = "--flavor",
      description = "Size of each VNF: small (1 vCPU, 2 GB) or medium (2 vCPU, 4 GB) (default:"
          + " small; with --inventory: each VNF's own)")
  Flavor flavor;

  @Option(names = "--interface",
      description = "How the RAN reaches the EPC: floating-ip or openvpn (default: floating-ip;"
          + " with --inventory: each VNF's own)")
  BackhaulInterface backhaul;

  @Option(names = "--distance-km", converter = Converters.SitesApartKilometres.class,
      description = "Fibre between the two compute sites of the reference setting, in km, above"
          + " 0 (default: 50; not with --inventory, whose fibres have their own length-km)")
  Distance interSiteDistance;

  @Option(names = "--testbed", defaultValue = SettingDefaults.TESTBED,
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
    checkMode(testbedAllowed);
    Distance distance = interSiteDistance(); // above 0: checked by its converter
    Virtualization packaging = virtualization();
    if (approach != null && approach.virtualization() != packaging) {
      throw new IllegalArgumentException("--approach " + approach.displayName() + " moves a "
          + approach.virtualization().displayName() + ", but --virtualization is "
          + packaging.displayName());
    }
    return ReferenceSetting.Options.defaults()
        .withVirtualization(packaging)
        .withFlavor(flavor())
        .withBackhaul(backhaul())
        .withInterSiteDistance(distance)
        .withTestbed(testbed);
  }

  /** The {@code --inventory} file, as given (null if none). */
  Path inventoryPath() {
    return inventory;
  }

  /** Whether {@code --inventory} was given. */
  boolean hasInventory() {
    return inventory != null;
  }

  /**
   * The network of {@code --inventory}, with {@code --virtualization}, {@code --flavor} and
   * {@code --interface} (those given) applied to every VNF.
   *
   * @throws org.ferry.inventory.InventoryException if the file is bad, listing every error
   * @throws IllegalArgumentException if an option does not go with an inventory, naming it
   */
  Inventory toInventory() {
    checkMode(false);
    if (interSiteDistance != null) {
      throw new IllegalArgumentException("--distance-km sets the reference setting's fibre"
          + " between site-a and site-b; with --inventory, set length-km of the fibre in "
          + inventory + " instead");
    }
    Inventory loaded = InventoryLoader.load(inventory).withEachVnf(v -> {
      Vnf changed = virtualization == null ? v : v.withVirtualization(virtualization);
      changed = flavor == null ? changed : changed.withFlavor(flavor);
      return backhaul == null ? changed : changed.withBackhaul(backhaul);
    });
    if (approach != null) {
      List<String> others = loaded.vnfs().stream()
          .filter(v -> v.virtualization() != approach.virtualization())
          .map(v -> v.id().value()).toList();
      if (!others.isEmpty()) {
        throw new IllegalArgumentException("--approach " + approach.displayName() + " moves a "
            + approach.virtualization().displayName() + ", but " + others + " in " + inventory
            + " are not; add --virtualization " + approach.virtualization().displayName()
            + " or drop --approach");
      }
    }
    return loaded;
  }

  Testbed testbed() {
    return testbed;
  }

  /**
   * The network to run on: the {@code --inventory} file's, or the reference setting as the
   * options vary it.
   */
  Inventory network() {
    return hasInventory() ? toInventory() : ReferenceSetting.inventory(toSetting());
  }

  // Not given: the reference setting's, as SettingDefaults (predict's defaults) says.
  private Virtualization virtualization() {
    return virtualization == null ? REFERENCE.virtualization() : virtualization;
  }

  private Flavor flavor() {
    return flavor == null ? REFERENCE.flavor() : flavor;
  }

  private BackhaulInterface backhaul() {
    return backhaul == null ? REFERENCE.backhaul() : backhaul;
  }

  private Distance interSiteDistance() {
    return interSiteDistance == null ? REFERENCE.interSiteDistance() : interSiteDistance;
  }

  private void checkMode(boolean testbedAllowed) {
    Mode parsed = parseMode();
    if (parsed == Mode.TESTBED && !testbedAllowed) {
      throw new IllegalArgumentException("--mode testbed is only for ferry demo; use --mode"
          + " simulated here");
    }
    if (parsed == Mode.LIVE) {
      throw new IllegalArgumentException("--mode live is not available in this build yet;"
          + " use --mode simulated or (ferry demo, as root on Linux) --mode testbed");
    }
  }

  ApproachPolicy approachPolicy() {
    return Optional.ofNullable(approach).map(ApproachPolicy::always)
        .orElse(ApproachPolicy.leastDowntime());
  }

  /** The setting as written into report.json: text, and numbers as numbers. */
  Map<String, Object> describe() {
    Map<String, Object> context = new LinkedHashMap<>();
    context.put("mode", parseMode().name().toLowerCase());
    if (inventory != null) {
      // The file's own values stand where no option overrides them.
      context.put("inventory", inventory.toString());
      context.put("virtualization", virtualization == null ? "per-vnf"
          : virtualization.displayName());
      context.put("flavor", flavor == null ? "per-vnf" : flavor.displayName());
      context.put("interface", backhaul == null ? "per-vnf" : backhaul.displayName());
    } else {
      context.put("virtualization", virtualization().displayName());
      context.put("flavor", flavor().displayName());
      context.put("interface", backhaul().displayName());
      context.put("inter_site_km", interSiteDistance().kilometres());
    }
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
