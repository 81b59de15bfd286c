package org.ferry.prediction;

import java.util.Objects;
import org.ferry.model.network.Testbed;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.NetworkPath;

/**
 * The inputs of a prediction.
 *
 * @param kind which function
 * @param virtualization VM or container
 * @param flavor its size (the vCPUs that checkpoint and restore it)
 * @param state what it carries: the bytes to move and how fast it rewrites memory
 * @param path the management path the migration stream takes
 * @param backhaul how the RAN reaches it (sets what must reconnect afterwards)
 * @param testbed the site's hardware (CPU speed)
 */
public record MigrationScenario(
    VnfKind kind,
    Virtualization virtualization,
    Flavor flavor,
    VnfStateProfile state,
    NetworkPath path,
    BackhaulInterface backhaul,
    Testbed testbed) {

  public MigrationScenario {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(virtualization, "virtualization");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(backhaul, "backhaul");
    Objects.requireNonNull(testbed, "testbed");
  }

  /** A scenario with the reference deployment's state for the function and flavor. */
  public static MigrationScenario of(VnfKind kind, Virtualization virtualization, Flavor flavor,
      NetworkPath path, BackhaulInterface backhaul, Testbed testbed) {
    return new MigrationScenario(kind, virtualization, flavor,
        VnfStateProfile.reference(kind, flavor), path, backhaul, testbed);
  }

  /** The same scenario with another state, for what-if questions. */
  public MigrationScenario withState(VnfStateProfile newState) {
    return new MigrationScenario(kind, virtualization, flavor, newState, path, backhaul, testbed);
  }

  /** The same scenario over another path. */
  public MigrationScenario withPath(NetworkPath newPath) {
    return new MigrationScenario(kind, virtualization, flavor, state, newPath, backhaul, testbed);
  }
}
