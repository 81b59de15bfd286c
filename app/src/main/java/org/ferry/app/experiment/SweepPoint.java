package org.ferry.app.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.calibration.ReferenceData;

/**
 * One configuration of the sweep: which function, packaged how, moved how, over what.
 *
 * @param kind the function moved
 * @param virtualization VM or container
 * @param flavor its size
 * @param lightpath the temporary lightpath's fibre (the fibre between the compute sites)
 * @param backhaul how the RAN reaches it
 * @param testbed the sites' hardware
 * @param approach how it is moved; suits the virtualization
 */
public record SweepPoint(
    VnfKind kind,
    Virtualization virtualization,
    Flavor flavor,
    Distance lightpath,
    BackhaulInterface backhaul,
    Testbed testbed,
    MigrationApproach approach) {

  /** The lightpath lengths of the reference study: a few hundred metres, 25 km, 50 km. */
  public static final List<Distance> LIGHTPATHS = List.of(
      Distance.ofKilometres(0.3), Distance.ofKilometres(25), Distance.ofKilometres(50));

  public SweepPoint {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(virtualization, "virtualization");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(lightpath, "lightpath");
    Objects.requireNonNull(backhaul, "backhaul");
    Objects.requireNonNull(testbed, "testbed");
    Objects.requireNonNull(approach, "approach");
    if (approach.virtualization() != virtualization) {
      throw new IllegalArgumentException(approach.displayName() + " does not move a "
          + virtualization.displayName());
    }
  }

  /**
   * The whole sweep: VNF x virtualization x flavor x lightpath length x interface x testbed x
   * approach (the two approaches of each virtualization), in a stable order.
   */
  public static List<SweepPoint> all() {
    List<SweepPoint> points = new ArrayList<>();
    for (Testbed testbed : Testbed.values()) {
      for (VnfKind kind : VnfKind.shipped()) {
        for (Virtualization virtualization : Virtualization.values()) {
          for (Flavor flavor : Flavor.named()) {
            for (BackhaulInterface backhaul : BackhaulInterface.values()) {
              for (Distance lightpath : LIGHTPATHS) {
                for (MigrationApproach approach : MigrationApproach.values()) {
                  if (approach.virtualization() == virtualization) {
                    points.add(new SweepPoint(kind, virtualization, flavor, lightpath, backhaul,
                        testbed, approach));
                  }
                }
              }
            }
          }
        }
      }
    }
    return points;
  }

  /** Whether this is the approach the reference study measured. */
  public boolean referenceApproach() {
    return approach == MigrationApproach.referenceFor(virtualization);
  }

  /**
   * The reference study's configuration this point corresponds to (the study's shortest
   * lightpath is written as 0 km in its table).
   */
  public ReferenceData.Configuration referenceConfiguration() {
    Distance km = lightpath.kilometres() < 1 ? Distance.ZERO : lightpath;
    return new ReferenceData.Configuration(kind, virtualization, flavor, backhaul, testbed, km);
  }
}
