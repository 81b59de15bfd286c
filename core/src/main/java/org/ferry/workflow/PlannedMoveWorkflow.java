package org.ferry.workflow;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.ferry.decision.RelocationPlanner;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.vnf.Vnf;
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
   * Checks that a planned move can be run as asked, changing nothing.
   *
   * @param vnfs the VNFs to move, at least one, all known
   * @param destination a compute site
   * @throws RejectedRequestException naming the field at fault: no VNF, an unknown VNF or site,
   *     a site that hosts no VNFs, a VNF that is there already
   */
  public void check(Set<VnfId> vnfs, SiteId destination) {
    if (vnfs.isEmpty()) {
      throw new RejectedRequestException("vnfs", "name at least one VNF to move");
    }
    Topology topology = sb.optical().topology();
    Optional<Site> site = topology.site(destination);
    if (site.isEmpty()) {
      throw new RejectedRequestException("destination", "unknown site '" + destination
          + "'; compute sites: " + computeSites(topology));
    }
    if (site.get().role() != Site.Role.COMPUTE) {
      throw new RejectedRequestException("destination", destination + " is a "
          + site.get().role().name() + " site, which hosts no VNFs; compute sites: "
          + computeSites(topology));
    }
    for (VnfId id : vnfs) {
      Optional<Vnf> vnf = sb.vnfs().find(id);
      if (vnf.isEmpty()) {
        throw new RejectedRequestException("vnfs", "unknown VNF '" + id + "'; known VNFs: "
            + sb.vnfs().all().stream().map(Vnf::id).toList());
      }
      if (vnf.get().placement().site().equals(destination)) {
        throw new RejectedRequestException("vnfs", id + " already runs at " + destination);
      }
    }
  }

  /**
   * Runs the move to its end and returns the record. Never throws for what happens in the run:
   * a run that breaks or is cancelled ends FAILED or CANCELLED.
   *
   * @throws RejectedRequestException as {@link #check} does, before anything is changed
   */
  public RunReport run(RunContext context, Set<VnfId> vnfs, SiteId destination) {
    check(vnfs, destination);
    RunRecorder rec = new RunRecorder(context, RunReport.Kind.PLANNED_MOVE,
        "planned move of " + new TreeSet<>(vnfs) + " to " + destination, sb.time());
    return rec.guard(() -> new Relocation(sb, settings).run(rec, vnfs,
        Optional.of(destination), RelocationPlanner.Cause.REQUESTED));
  }

  private static List<SiteId> computeSites(Topology topology) {
    return topology.sites().stream().filter(s -> s.role() == Site.Role.COMPUTE)
        .map(Site::id).toList();
  }
}
