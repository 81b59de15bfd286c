package org.ferry.run;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.optical.OpticalEvent;

/** What started a run: a failure the optical controller reported, or an operator's request. */
public sealed interface Trigger {

  /** The workflow this trigger runs. */
  RunReport.Kind kind();

  /** One line for a human, e.g. "fiber fiber-ran-a failed". */
  String describe();

  /** The VNFs the trigger names; empty for a fault, which may touch any. */
  Set<VnfId> vnfs();

  /** A fibre failed: the fault-recovery flow. */
  record FiberFailure(OpticalEvent.FiberFailed event) implements Trigger {
    public FiberFailure {
      Objects.requireNonNull(event, "event");
    }

    @Override
    public RunReport.Kind kind() {
      return RunReport.Kind.FAULT_RECOVERY;
    }

    @Override
    public String describe() {
      return "fiber " + event.fiber() + " failed";
    }

    @Override
    public Set<VnfId> vnfs() {
      return Set.of();
    }
  }

  /**
   * An operator asked for VNFs to move to a site: maintenance, load balancing, power saving.
   *
   * @param vnfs the VNFs to move, at least one
   * @param destination a compute site
   */
  record PlannedMove(SortedSet<VnfId> vnfs, SiteId destination) implements Trigger {
    public PlannedMove {
      vnfs = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(vnfs));
      Objects.requireNonNull(destination, "destination");
    }

    public static PlannedMove of(Set<VnfId> vnfs, SiteId destination) {
      return new PlannedMove(new TreeSet<>(vnfs), destination);
    }

    @Override
    public RunReport.Kind kind() {
      return RunReport.Kind.PLANNED_MOVE;
    }

    @Override
    public String describe() {
      return "planned move of " + vnfs + " to " + destination;
    }
  }
}
