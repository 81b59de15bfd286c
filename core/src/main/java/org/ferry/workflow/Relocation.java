package org.ferry.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ferry.decision.ApproachChoice;
import org.ferry.decision.ApproachSelector;
import org.ferry.decision.RelocationPlan;
import org.ferry.decision.RelocationPlanner;
import org.ferry.decision.SitePaths;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.Prediction;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.ServiceRecovery;
import org.ferry.model.report.WorkflowStep;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;
import org.ferry.seam.compute.SwitchOverListener;
import org.ferry.seam.compute.Vim;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.ferry.seam.packet.FlowRule;
import org.ferry.seam.probe.UeWatch;
import org.ferry.workflow.RunRecorder.OpenStep;

/**
 * The relocation both workflows share, from {@link WorkflowStep#PLAN} on: plan, set up the
 * temporary management lightpath, steer management traffic onto it, then per VNF migrate, repoint
 * its backhaul and verify it, and finally release the temporary lightpath.
 *
 * <p>Whatever fails, the temporary lightpath and the steering rules are released, and a VNF whose
 * move failed is left running where it was.
 */
final class Relocation {

  private final Southbound sb;
  private final WorkflowSettings settings;
  private final Steering steering;
  private final MigrationExecutor executor;
  private final RelocationPlanner planner = new RelocationPlanner();

  Relocation(Southbound southbound, WorkflowSettings settings) {
    this.sb = southbound;
    this.settings = settings;
    this.steering = new Steering(southbound.optical().topology(), settings);
    this.executor = new MigrationExecutor(southbound.time());
  }

  /**
   * Relocates {@code mustMove} (and whatever must follow them) and finishes the run.
   *
   * @param onlySite the destination, for a planned move; otherwise the planner chooses
   * @param cause why {@code mustMove} move, as their moves will say
   */
  RunReport run(RunRecorder rec, Set<VnfId> mustMove, Optional<SiteId> onlySite,
      RelocationPlanner.Cause cause) {
    OpenStep planStep = rec.begin(WorkflowStep.PLAN, onlySite.map(SiteId::value).orElse(""));
    Map<VnfId, Vnf> vnfs =
        sb.vnfs().all().stream().collect(Collectors.toMap(Vnf::id, v -> v));
    Optional<RelocationPlan> maybePlan =
        planner.plan(mustMove, vnfs, sb.optical().topology(),
            new SitePaths(sb.optical().lightpaths()), onlySite, cause);
    if (maybePlan.isEmpty()) {
      String why = "no compute site"
          + onlySite.map(s -> " (only " + s + " considered)").orElse("")
          + " has room for " + mustMove.stream().sorted().toList()
          + " and meets every SLA with them there";
      planStep.failed(why);
      return rec.finish(RunReport.Outcome.FAILED, why);
    }
    RelocationPlan plan = maybePlan.get();
    planStep.ok("move " + plan.moves().stream()
        .map(m -> m.vnf().id() + " " + m.vnf().placement() + " -> " + m.to() + " (" + m.reason()
            + ")")
        .collect(Collectors.joining("; "))
        + (plan.unplaced().isEmpty() ? "" : "; cannot move " + plan.unplaced().keySet() + ": "
            + plan.unplaced().values().iterator().next()));

    Map<SitePair, Lightpath> temporaries = new LinkedHashMap<>();
    List<FlowRule> managementRules = new ArrayList<>();
    try {
      if (setUpManagementPaths(rec, plan, temporaries, managementRules)) {
        for (RelocationPlan.Move move : plan.moves()) {
          moveOne(rec, move, temporaries.get(SitePair.of(move)));
        }
      }
    } catch (RuntimeException e) {
      rec.interrupted(e);
      throw e;
    } finally {
      release(rec, temporaries, managementRules);
    }
    recordNotAttempted(rec, plan);
    return rec.finish(outcome(rec.moves(), plan), summary(rec.moves(), plan));
  }

  /** A source site and the destination its VNFs go to: one temporary lightpath each. */
  private record SitePair(SiteId source, SiteId destination) implements Comparable<SitePair> {
    static SitePair of(RelocationPlan.Move move) {
      return new SitePair(move.vnf().placement().site(), move.to().site());
    }

    @Override
    public int compareTo(SitePair o) {
      int bySource = source.compareTo(o.source);
      return bySource != 0 ? bySource : destination.compareTo(o.destination);
    }
  }

  /** Returns false (with the failed step recorded) if a lightpath or the steering failed. */
  private boolean setUpManagementPaths(
      RunRecorder rec,
      RelocationPlan plan,
      Map<SitePair, Lightpath> temporaries,
      List<FlowRule> managementRules) {
    Set<SitePair> pairs = plan.moves().stream().map(SitePair::of)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
    // One destination (the usual case): the lightpath is named after its source alone.
    boolean oneDestination = plan.destinations().size() == 1;
    for (SitePair pair : pairs) {
      SiteId source = pair.source();
      LightpathId name = LightpathId.of("ferry-" + rec.runId() + "-" + source
          + (oneDestination ? "" : "-" + pair.destination()));
      OpenStep step = rec.begin(WorkflowStep.TEMP_LIGHTPATH_SETUP, name,
          "the optical controller to bring " + name + " (" + source + " <-> "
              + pair.destination() + ") into service");
      try {
        Lightpath lp = sb.optical().setUpTemporary(new TemporaryLightpathRequest(
            name, source, pair.destination(), settings.temporaryLightpathClass()));
        temporaries.put(pair, lp);
        step.ok(lp.kind() + " " + source + " <-> " + pair.destination() + " via " + lp.route()
            + " at " + lp.frequency() + ", " + lp.capacity() + ", one-way "
            + micros(lp.latency()));
      } catch (SouthboundException e) {
        step.failed("could not set up the temporary lightpath: " + e.getMessage());
        return false;
      }
    }
    OpenStep step = rec.begin(WorkflowStep.MANAGEMENT_STEERING,
        temporaries.values().stream().map(lp -> lp.id().value())
            .collect(Collectors.joining(",")));
    try {
      for (Map.Entry<SitePair, Lightpath> entry : temporaries.entrySet()) {
        String key = oneDestination ? rec.runId()
            : rec.runId() + "-" + entry.getKey().destination();
        for (FlowRule rule : steering.managementOnto(key, entry.getValue())) {
          sb.flows().install(rule);
          managementRules.add(rule);
        }
      }
      step.ok(managementRules.size() + " rules: management VLAN " + settings.managementVlan()
          + " onto the temporary lightpath at " + managementRules.stream()
          .map(r -> r.output().toString()).collect(Collectors.joining(", ")));
      return true;
    } catch (SouthboundException e) {
      step.failed("could not steer management traffic: " + e.getMessage());
      return false;
    }
  }

  private void moveOne(RunRecorder rec, RelocationPlan.Move move, Lightpath temporary) {
    Vnf vnf = sb.vnfs().require(move.vnf().id());
    Vim vim = sb.compute().vimFor(vnf);
    NetworkPath path = new NetworkPath(temporary.capacity(), temporary.latency());
    OpenStep step = rec.begin(WorkflowStep.MIGRATION, vnf.id(),
        vim.name() + " to move " + vnf.id() + " to " + move.to());
    ApproachChoice choice;
    try {
      choice = new ApproachSelector(settings.model(), settings.approachPolicy())
          .choose(vnf, vim.approaches(), path, settings.testbed());
    } catch (IllegalArgumentException e) {
      step.failed(e.getMessage());
      rec.addMove(failedMove(vnf, move, Optional.empty(), MoveRecord.Status.KEPT_AT_SOURCE,
          e.getMessage(), Optional.empty()));
      return;
    }
    Prediction predicted = choice.chosen();
    Optional<UeWatch> watch =
        vnf.kind().carriesUserPlane() ? Optional.of(sb.probe().watch(vnf)) : Optional.empty();
    Vnf moved = vnf.withPlacement(move.to());
    // Steer the backhaul the moment the VNF runs at the destination, not after the page pull or
    // the VIM's bookkeeping: that is what UEs wait for.
    boolean[] repointed = {false};
    SwitchOverListener onSwitchOver = at -> {
      repoint(rec, moved);
      repointed[0] = true;
    };
    MigrationOutcome outcome;
    try {
      outcome = executor.migrate(vim,
          new MigrationRequest(vnf, move.to(), predicted.approach(), path), onSwitchOver);
    } catch (MigrationFailedException e) {
      Optional<Placement> where = vim.isRunning(vnf.id()) ? vim.locate(vnf.id())
          : Optional.empty();
      if (where.equals(Optional.of(move.to()))) {
        // The VIM is the truth of where a VNF runs: it failed after the move took place (in
        // its own bookkeeping) and the VNF runs at the destination, so the move stands and the
        // inventory follows the VIM.
        String note = vim.name() + " reported a failure after the switch-over (" + e.getMessage()
            + ") but runs " + vnf.id() + " at " + move.to();
        sb.vnfs().put(moved);
        step.failed(predicted.approach().displayName() + ": " + note + "; the move stands");
        if (!repointed[0]) {
          repoint(rec, moved);
        }
        verifyAndRecord(rec, vnf, move, predicted, Optional.empty(), watch, Optional.of(note));
        return;
      }
      Optional<ServiceRecovery> seen = watch.map(UeWatch::stop);
      MoveRecord.Status status = e.runningAtSource() && vim.isRunning(vnf.id())
          ? MoveRecord.Status.KEPT_AT_SOURCE : MoveRecord.Status.LOST;
      if (repointed[0] && status == MoveRecord.Status.KEPT_AT_SOURCE) {
        steerBackhaul(vnf); // it came back to its source after the switch-over
      }
      step.failed(predicted.approach().displayName() + " failed: " + e.getMessage()
          + (status == MoveRecord.Status.KEPT_AT_SOURCE
              ? "; " + vnf.id() + " runs on at " + vnf.placement()
              : "; " + vnf.id() + " is DOWN and needs an operator"));
      rec.addMove(failedMove(vnf, move, Optional.of(predicted), status, e.getMessage(), seen));
      return;
    }
    sb.vnfs().put(moved);
    step.ok(predicted.approach().displayName() + " (" + choice.reason() + ") "
        + vnf.placement() + " -> " + move.to() + ": " + Durations.format(outcome.migrationTime())
        + ", downtime " + Durations.format(outcome.downtime().value()) + ", "
        + outcome.bytesMoved() + " moved");
    if (!repointed[0]) {
      repoint(rec, moved); // the driver did not report its switch-over
    }

    verifyAndRecord(rec, vnf, move, predicted, Optional.of(outcome), watch, Optional.empty());
  }

  /**
   * Checks that a moved VNF answers at its destination and records the move.
   *
   * @param note what went wrong although the VNF moved, if anything
   */
  private void verifyAndRecord(RunRecorder rec, Vnf vnf, RelocationPlan.Move move,
      Prediction predicted, Optional<MigrationOutcome> outcome, Optional<UeWatch> watch,
      Optional<String> note) {
    Vnf moved = vnf.withPlacement(move.to());
    OpenStep verify = rec.begin(WorkflowStep.VERIFY, vnf.id());
    Instant deadline = sb.time().now().plus(settings.verifyTimeout());
    boolean answers = sb.probe().answers(moved, move.to());
    while (!answers && sb.time().now().isBefore(deadline)) {
      sb.time().sleep(settings.verifyInterval());
      answers = sb.probe().answers(moved, move.to());
    }
    Optional<ServiceRecovery> seen = watch.map(UeWatch::stop);
    String ues = seen.map(r -> "; " + r.ues() + " UEs, longest gap (UE SRT) "
        + Durations.format(r.longestGap()) + ", " + r.reattached() + " re-attached")
        .orElse("");
    if (answers) {
      verify.ok(vnf.id() + " answers at " + move.to() + ues);
    } else {
      verify.failed(vnf.id() + " does not answer at " + move.to() + " after "
          + Durations.format(settings.verifyTimeout()) + ues);
    }
    rec.addMove(new MoveRecord(vnf, move.to(),
        answers ? MoveRecord.Status.MOVED : MoveRecord.Status.UNVERIFIED,
        Optional.of(predicted), outcome, seen,
        answers ? note : Optional.of("does not answer at its new site")));
  }

  private void repoint(RunRecorder rec, Vnf moved) {
    OpenStep repoint = rec.begin(WorkflowStep.BACKHAUL_REPOINT, moved.id());
    try {
      List<FlowRule> rules = steerBackhaul(moved);
      repoint.ok(moved.address() + " (" + moved.backhaul().displayName() + ") now steered to "
          + moved.placement().site() + " at " + rules.stream().map(r -> r.output().toString())
          .collect(Collectors.joining(", ")));
    } catch (SouthboundException e) {
      repoint.failed("could not repoint the backhaul: " + e.getMessage());
    }
  }

  /** Steers every other site's traffic for the VNF's address toward where it runs. */
  private List<FlowRule> steerBackhaul(Vnf vnf) {
    List<FlowRule> rules = steering.backhaulTo(vnf, vnf.placement().site(),
        new SitePaths(sb.optical().lightpaths()));
    rules.forEach(sb.flows()::install);
    return rules;
  }

  private void release(
      RunRecorder rec, Map<SitePair, Lightpath> temporaries, List<FlowRule> managementRules) {
    if (temporaries.isEmpty() && managementRules.isEmpty()) {
      return;
    }
    OpenStep step = rec.begin(WorkflowStep.TEMP_LIGHTPATH_RELEASE,
        temporaries.values().stream().map(lp -> lp.id().value())
            .collect(Collectors.joining(",")));
    List<String> problems = new ArrayList<>();
    for (FlowRule rule : managementRules) {
      try {
        sb.flows().remove(rule.id());
      } catch (SouthboundException e) {
        problems.add("rule " + rule.id() + ": " + e.getMessage());
      }
    }
    for (Lightpath lp : temporaries.values()) {
      try {
        sb.optical().release(lp.id());
      } catch (SouthboundException e) {
        problems.add("lightpath " + lp.id() + ": " + e.getMessage());
      }
    }
    if (problems.isEmpty()) {
      step.ok(managementRules.size() + " steering rules removed, " + temporaries.size()
          + " temporary lightpath(s) released");
    } else {
      step.failed("left behind, release by hand: " + String.join("; ", problems));
    }
  }

  /**
   * Records every planned move that was not begun, so that a run's moves list its whole plan: a
   * move is skipped only when the management path it needs could not be set up.
   */
  private static void recordNotAttempted(RunRecorder rec, RelocationPlan plan) {
    Set<VnfId> recorded = rec.moves().stream().map(m -> m.vnf().id())
        .collect(Collectors.toSet());
    for (RelocationPlan.Move move : plan.moves()) {
      if (!recorded.contains(move.vnf().id())) {
        rec.addMove(failedMove(move.vnf(), move, Optional.empty(),
            MoveRecord.Status.NOT_ATTEMPTED, "not attempted: the management path could not be"
                + " set up", Optional.empty()));
      }
    }
  }

  private static MoveRecord failedMove(
      Vnf vnf,
      RelocationPlan.Move move,
      Optional<Prediction> predicted,
      MoveRecord.Status status,
      String why,
      Optional<ServiceRecovery> seen) {
    return new MoveRecord(vnf, move.to(), status, predicted, Optional.empty(), seen,
        Optional.of(why));
  }

  private static RunReport.Outcome outcome(List<MoveRecord> moves, RelocationPlan plan) {
    long moved = moves.stream().filter(m -> m.status() == MoveRecord.Status.MOVED).count();
    if (moved == plan.moves().size() && plan.unplaced().isEmpty()) {
      return RunReport.Outcome.RELOCATED;
    }
    return moved == 0 ? RunReport.Outcome.FAILED : RunReport.Outcome.PARTIALLY_RELOCATED;
  }

  private static String summary(List<MoveRecord> moves, RelocationPlan plan) {
    String unplaced = plan.unplaced().isEmpty() ? ""
        : "; " + plan.unplaced().keySet() + " not moved: no site could take them";
    if (moves.stream().allMatch(m -> m.status() == MoveRecord.Status.NOT_ATTEMPTED)) {
      return "nothing was moved: the management path could not be set up" + unplaced;
    }
    return moves.stream()
        .map(m -> m.vnf().id() + " " + m.status().name().toLowerCase(java.util.Locale.ROOT)
            .replace('_', ' ')
            + (m.status() == MoveRecord.Status.MOVED ? " to " + m.destination()
                : m.failure().map(f -> " (" + f + ")").orElse("")))
        .collect(Collectors.joining("; ")) + unplaced;
  }

  private static String micros(Duration d) {
    return String.format("%.1f µs", d.toNanos() / 1e3);
  }
}
