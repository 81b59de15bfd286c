package org.ferry.seam.compute;

import java.util.Objects;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;

/**
 * Move one VNF.
 *
 * @param vnf the VNF, at its current placement
 * @param destination where it goes
 * @param approach how; must suit the VNF's virtualization
 * @param path the management path between the hosts
 */
public record MigrationRequest(
    Vnf vnf, Placement destination, MigrationApproach approach, NetworkPath path) {

  public MigrationRequest {
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(destination, "destination");
    Objects.requireNonNull(approach, "approach");
    Objects.requireNonNull(path, "path");
    if (approach.virtualization() != vnf.virtualization()) {
      throw new IllegalArgumentException(
          "approach " + approach.displayName() + " moves a " + approach.virtualization()
              .displayName() + ", but " + vnf.id() + " is a " + vnf.virtualization()
              .displayName());
    }
    if (destination.equals(vnf.placement())) {
      throw new IllegalArgumentException(vnf.id() + " already runs at " + destination);
    }
  }
}
