package org.ferry.workflow;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;

/**
 * A planned move (maintenance, load balancing, power saving): the same relocation as after a
 * fault, for VNFs and a destination the operator names. VNFs whose SLA would break without them
 * follow.
 */
public final class PlannedMoveWorkflow {

  private final Southbound sb;
  private final WorkflowSettings settings;

  public PlannedMoveWorkflow(Southbound southbound, WorkflowSettings settings) {
    this.sb = Objects.requireNonNull(southbound, "southbound");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * @param vnfs the VNFs to move, at least one, all known
   * @param destination a compute site
   * @throws IllegalArgumentException naming the VNF or site, if one is unknown or a VNF is there
   *     already
   */
  public RunReport run(String runId, Set<VnfId> vnfs, SiteId destination, RunListener listener) {
    if (vnfs.isEmpty()) {
      throw new IllegalArgumentException("name at least one VNF to move");
    }
    sb.optical().topology().requireSite(destination);
    for (VnfId id : vnfs) {
      if (sb.vnfs().require(id).placement().site().equals(destination)) {
        throw new IllegalArgumentException(id + " already runs at " + destination);
      }
    }
    RunRecorder rec = new RunRecorder(runId, RunReport.Kind.PLANNED_MOVE,
        "planned move of " + new TreeSet<>(vnfs) + " to " + destination, sb.time(), listener);
    return new Relocation(sb, settings).run(rec, vnfs, Optional.of(destination));
  }
}
