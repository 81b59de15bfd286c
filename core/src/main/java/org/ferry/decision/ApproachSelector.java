package org.ferry.decision;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.ferry.model.network.Testbed;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Vnf;
import org.ferry.prediction.MigrationModel;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.NetworkPath;

/** Chooses how to move a VNF from what the model predicts each possible approach gives. */
public final class ApproachSelector {

  private final MigrationModel model;
  private final ApproachPolicy policy;

  public ApproachSelector(MigrationModel model, ApproachPolicy policy) {
    this.model = Objects.requireNonNull(model, "model");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /**
   * @param vnf the VNF to move
   * @param supported the approaches its VIM can carry out
   * @param path the management path the move will take
   * @param testbed the hardware of the sites it moves between
   * @throws IllegalArgumentException if no supported approach suits the VNF, or the forced one is
   *     not supported
   */
  public ApproachChoice choose(
      Vnf vnf, Set<MigrationApproach> supported, NetworkPath path, Testbed testbed) {
    List<MigrationApproach> candidates =
        supported.stream()
            .filter(a -> a.virtualization() == vnf.virtualization())
            .sorted()
            .toList();
    if (candidates.isEmpty()) {
      throw new IllegalArgumentException(
          "no migration approach for " + vnf.id() + " (" + vnf.virtualization().displayName()
              + "); its VIM supports " + supported);
    }
    MigrationScenario scenario = MigrationScenario.of(vnf.kind(), vnf.virtualization(),
        vnf.flavor(), path, vnf.backhaul(), testbed);
    List<Prediction> predictions =
        candidates.stream().map(a -> model.predict(scenario, a)).toList();
    if (policy.forced().isPresent()) {
      MigrationApproach forced = policy.forced().get();
      if (forced.virtualization() == vnf.virtualization()) {
        Prediction chosen =
            predictions.stream()
                .filter(p -> p.approach() == forced)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                    "approach " + forced.displayName() + " was asked for, but the VIM of "
                        + vnf.id() + " supports only " + candidates));
        return new ApproachChoice(chosen, predictions, "asked for");
      }
    }
    // A pre-copy that would not converge is taken only when nothing else is possible.
    Comparator<Prediction> byDowntime = Comparator.comparing((Prediction p) -> !p.converges())
        .thenComparing(Prediction::downtime)
        .thenComparing(Prediction::migrationTime);
    Prediction best = predictions.stream().min(byDowntime).orElseThrow();
    if (!best.approach().splitsStateAcrossHosts()) {
      return new ApproachChoice(best, predictions, leastDowntime(best));
    }
    // The least downtime splits the state across the hosts: worth it only if every approach
    // that keeps the state whole would be down longer than the budget.
    java.util.Optional<Prediction> whole = predictions.stream()
        .filter(p -> !p.approach().splitsStateAcrossHosts() && p.converges())
        .min(byDowntime);
    if (whole.isPresent()
        && whole.get().downtime().compareTo(policy.splitStateBudget()) <= 0) {
      return new ApproachChoice(whole.get(), predictions, leastDowntime(whole.get())
          + ", keeping the state whole (" + best.approach().displayName() + " would save "
          + Durations.format(whole.get().downtime().minus(best.downtime())) + ")");
    }
    return new ApproachChoice(best, predictions, leastDowntime(best)
        + whole.map(w -> "; " + w.approach().displayName() + " would be down "
            + Durations.format(w.downtime()) + ", over the " + Durations.format(
                policy.splitStateBudget()) + " budget").orElse(""));
  }

  private static String leastDowntime(Prediction p) {
    return "least predicted downtime (" + Durations.format(p.downtime()) + ")"
        + (p.converges() ? "" : "; " + p.convergence().displayName());
  }
}
