package org.ferry.simulation;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.report.Provenance;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfId;
import org.ferry.prediction.MigrationModel;
import org.ferry.seam.compute.Vim;

/** What the simulated VIMs share: the twin's record of where their VNFs run. */
abstract class SimulatedVim implements Vim {

  final SimulatedWorld world;
  final MigrationModel model;
  private final Virtualization virtualization;

  SimulatedVim(SimulatedWorld world, MigrationModel model, Virtualization virtualization) {
    this.world = world;
    this.model = model;
    this.virtualization = virtualization;
  }

  @Override
  public String name() {
    return "simulated " + virtualization.displayName() + " VIM";
  }

  @Override
  public Virtualization virtualization() {
    return virtualization;
  }

  @Override
  public Set<MigrationApproach> approaches() {
    Set<MigrationApproach> approaches = EnumSet.noneOf(MigrationApproach.class);
    for (MigrationApproach approach : MigrationApproach.values()) {
      if (approach.virtualization() == virtualization) {
        approaches.add(approach);
      }
    }
    return approaches;
  }

  @Override
  public Optional<Placement> locate(VnfId vnf) {
    return ours(vnf) ? world.placement(vnf) : Optional.empty();
  }

  @Override
  public boolean isRunning(VnfId vnf) {
    return ours(vnf) && world.running(vnf);
  }

  @Override
  public Provenance figures() {
    return Provenance.SIMULATED;
  }

  /** Whether the twin runs this VNF under this VIM's packaging. */
  boolean ours(VnfId id) {
    return world.vnf(id).map(v -> v.virtualization() == virtualization).orElse(false);
  }
}
