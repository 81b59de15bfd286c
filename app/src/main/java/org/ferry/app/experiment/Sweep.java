package org.ferry.app.experiment;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.ferry.decision.ApproachPolicy;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.ServiceRecovery;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.MigrationModel;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.simulation.SimulationSettings;
import org.ferry.run.RunService;

/**
 * Runs the sweep in the twin: per point and repetition, the reference setting is brought up with
 * its own seed and Ferry carries out a planned move of the point's function from site-a to site-b
 * with the point's approach, the whole orchestration (temporary lightpath, steering, migration,
 * backhaul repoint, verification). Functions whose SLA would break follow, as in any planned move
 * (and an HSS takes its MME along); the result is the point's function's move.
 *
 * <p>Runs are independent, each in its own virtual time, and are spread over the machine's cores.
 */
public final class Sweep {

  private final MigrationModel model;
  private final SimulationSettings simulation;

  /**
   * @param model the model Ferry decides with and the twin plays moves out with
   * @param simulation the twin's behaviour; each run replaces only its seed
   */
  public Sweep(MigrationModel model, SimulationSettings simulation) {
    this.model = Objects.requireNonNull(model, "model");
    this.simulation = Objects.requireNonNull(simulation, "simulation");
  }

  /**
   * Runs every point {@code repetitions} times.
   *
   * @param progress told the number of runs finished after each one (from any thread)
   * @return the results, point by point in order, repetitions in order
   * @throws IllegalArgumentException if repetitions is below 1
   */
  public List<RunResult> run(List<SweepPoint> points, int repetitions, IntConsumer progress) {
    if (repetitions < 1) {
      throw new IllegalArgumentException("repetitions must be 1 or more, got " + repetitions);
    }
    AtomicInteger done = new AtomicInteger();
    return IntStream.range(0, points.size() * repetitions).parallel()
        .mapToObj(i -> {
          RunResult result =
              runOnce(points.get(i / repetitions), i % repetitions + 1, seed(i));
          progress.accept(done.incrementAndGet());
          return result;
        })
        .toList();
  }

  /** One run of one point. */
  public RunResult runOnce(SweepPoint point, int repetition, long seed) {
    ReferenceSetting.Options options = ReferenceSetting.Options.defaults()
        .withVirtualization(point.virtualization())
        .withFlavor(point.flavor())
        .withBackhaul(point.backhaul())
        .withInterSiteDistance(point.lightpath())
        .withTestbed(point.testbed());
    SimulatedDeployment deployment =
        SimulatedDeployment.referenceSetting(options, simulation.withSeed(seed), model);
    RunService orchestrator = deployment.orchestrator(
        deployment.workflowSettings().withApproachPolicy(ApproachPolicy.always(point.approach())),
        step -> { });
    VnfId vnf = idOf(deployment, point.kind());
    // The HSS cannot leave its MME behind (their S6a SLA spans no more than the 0.3 km case),
    // and the planner does not pull the MME along, so an HSS move takes the MME with it.
    Set<VnfId> moved = point.kind().equals(VnfKind.HSS)
        ? Set.of(vnf, idOf(deployment, VnfKind.MME)) : Set.of(vnf);
    RunReport report = orchestrator.move(moved, ReferenceSetting.SITE_B);
    Optional<MoveRecord> move =
        report.moves().stream().filter(m -> m.vnf().id().equals(vnf)).findFirst();
    if (move.isEmpty() || move.get().outcome().isEmpty()) {
      return new RunResult(point, repetition, seed,
          move.map(MoveRecord::status).orElse(MoveRecord.Status.KEPT_AT_SOURCE), Duration.ZERO,
          Duration.ZERO, DataSize.ZERO, Optional.empty(), Map.of(),
          move.flatMap(MoveRecord::prediction));
    }
    MoveRecord m = move.get();
    var outcome = m.outcome().get();
    Map<Phase, Duration> phases = new EnumMap<>(Phase.class);
    for (PhaseRecord phase : outcome.phases()) {
      phases.merge(phase.phase(), phase.duration(), Duration::plus);
    }
    return new RunResult(point, repetition, seed, m.status(), outcome.migrationTime(),
        outcome.downtime().value(), outcome.bytesMoved(),
        m.ueRecovery().map(ServiceRecovery::longestGap), phases, m.prediction());
  }

  private static VnfId idOf(SimulatedDeployment deployment, VnfKind kind) {
    return deployment.vnfs().all().stream()
        .filter(v -> v.kind().equals(kind)).map(Vnf::id).findFirst().orElseThrow();
  }

  /** Seeds that differ per run and repeat between sweeps. */
  private static long seed(int run) {
    return 42 + 7919L * run;
  }
}
