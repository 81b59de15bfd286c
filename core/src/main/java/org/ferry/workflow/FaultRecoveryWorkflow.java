package org.ferry.workflow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.ferry.decision.RelocationPlanner;
import org.ferry.decision.SitePaths;
import org.ferry.decision.SlaEvaluator;
import org.ferry.decision.SlaViolation;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.WorkflowStep;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.workflow.RunRecorder.OpenStep;

/**
 * The fault-recovery flow: a fibre fails; the optical layer restores what it can; if a VNF's SLA
 * still does not hold, the affected functions move to a site where it does.
 */
public final class FaultRecoveryWorkflow {

  private final Southbound sb;
  private final WorkflowSettings settings;
  private final SlaEvaluator sla = new SlaEvaluator();

  public FaultRecoveryWorkflow(Southbound southbound, WorkflowSettings settings) {
    this.sb = Objects.requireNonNull(southbound, "southbound");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the flow for one fibre failure, to its end, and returns the record. Never throws for
   * what happens in the run: a run that breaks or is cancelled ends FAILED or CANCELLED.
   */
  public RunReport run(RunContext context, OpticalEvent.FiberFailed event) {
    RunRecorder rec = new RunRecorder(context, RunReport.Kind.FAULT_RECOVERY,
        "fiber " + event.fiber() + " failed", sb.time());
    return rec.guard(() -> recover(rec, event));
  }

  private RunReport recover(RunRecorder rec, OpticalEvent.FiberFailed event) {
    OpenStep detected = rec.begin(WorkflowStep.FAILURE_DETECTED, event.fiber());
    List<LightpathId> down = event.lightpathsDown();
    if (down.isEmpty()) {
      detected.ok("no lightpath crossed it");
      return rec.finish(RunReport.Outcome.NO_MOVE_NEEDED,
          "fiber " + event.fiber() + " carried no lightpath; nothing to do");
    }
    detected.ok(down.size() + " lightpath(s) down: " + down);

    for (LightpathId id : down) {
      OpenStep restoring = rec.begin(WorkflowStep.OPTICAL_RESTORATION, id,
          "the optical controller to reroute " + id + " around the fault");
      try {
        RestorationResult result = sb.optical().restore(id);
        if (result.succeeded()) {
          Lightpath lp = result.restored().orElseThrow();
          restoring.ok("rerouted via " + lp.route() + " at " + lp.frequency() + ", one-way "
              + String.format("%.1f µs", lp.latency().toNanos() / 1e3));
        } else {
          restoring.failed(result.cause() + ": " + result.message());
        }
      } catch (SouthboundException e) {
        restoring.failed("the optical controller failed: " + e.getMessage());
      }
    }

    OpenStep checking = rec.begin(WorkflowStep.SLA_CHECK, "");
    SitePaths paths = new SitePaths(sb.optical().lightpaths());
    Map<VnfId, Vnf> vnfs = new HashMap<>();
    sb.vnfs().all().forEach(v -> vnfs.put(v.id(), v));
    List<SlaViolation> violations = new ArrayList<>();
    for (Vnf vnf : sb.vnfs().all()) {
      violations.addAll(sla.violations(vnf, Map.of(), vnfs, paths));
    }
    if (violations.isEmpty()) {
      checking.ok("every SLA holds on the restored network (" + vnfs.size() + " VNFs checked)");
      return rec.finish(RunReport.Outcome.NO_MOVE_NEEDED,
          "the optical layer restored service within every SLA; nothing moved");
    }
    Set<VnfId> mustMove =
        violations.stream().map(SlaViolation::vnf).collect(Collectors.toCollection(TreeSet::new));
    checking.ok(mustMove.size() + " VNF(s) miss their SLA: " + violations.stream()
        .map(SlaViolation::describe).collect(Collectors.joining("; ")));
    return new Relocation(sb, settings).run(rec, mustMove, Optional.empty(),
        RelocationPlanner.Cause.SLA_MISSED);
  }
}
