package org.ferry.prediction;

import java.util.Objects;
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
 * @param flavor its size
 * @param path the management path the migration stream takes
 * @param backhaul how the RAN reaches it (sets what must reconnect afterwards)
 */
public record MigrationScenario(
    VnfKind kind,
    Virtualization virtualization,
    Flavor flavor,
    NetworkPath path,
    BackhaulInterface backhaul) {

  public MigrationScenario {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(virtualization, "virtualization");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(backhaul, "backhaul");
  }
}
