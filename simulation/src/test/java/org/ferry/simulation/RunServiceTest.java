package org.ferry.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ferry.simulation.ReferenceSetting.FIBER_RAN_A;
import static org.ferry.simulation.ReferenceSetting.MME;
import static org.ferry.simulation.ReferenceSetting.SITE_A;
import static org.ferry.simulation.ReferenceSetting.SITE_B;
import static org.ferry.simulation.ReferenceSetting.SPGW;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ferry.model.network.Lightpath;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.report.WorkflowStep;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.run.CancelResult;
import org.ferry.run.DrainingException;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunId;
import org.ferry.run.RunQuery;
import org.ferry.run.RunRecord;
import org.ferry.run.RunService;
import org.ferry.run.RunStatus;
import org.ferry.run.Trigger;
import org.ferry.seam.probe.ServiceProbe;
import org.ferry.seam.probe.UeWatch;
import org.ferry.workflow.RejectedRequestException;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The run service over the reference setting in the twin: one queue for fault and planned runs,
 * runs that touch the same VNFs one after another, cancellation, a run that breaks, draining,
 * and the events every run emits into the store.
 */
class RunServiceTest {

  private final SimulatedDeployment deployment =
      SimulatedDeployment.referenceSetting(ReferenceSetting.Options.defaults());
  private final List<RunEvent> events = new CopyOnWriteArrayList<>();
  private final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  private RunService service(Southbound sb, java.util.concurrent.Executor executor,
      RunListener steps) {
    RunService service = new RunService(sb, deployment.workflowSettings(),
        new InMemoryRunStore(), executor, steps);
    service.subscribe(e -> events.add(e.event()));
    service.start();
    return service;
  }

  /** A step listener that holds the first run at the start of its first migration. */
  private static final class Gate implements RunListener {
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch open = new CountDownLatch(1);
    private final AtomicBoolean armed = new AtomicBoolean(true);

    @Override
    public void onStep(StepRecord step) {}

    @Override
    public void onStepStarted(StepStart step) {
      if (step.step() == WorkflowStep.MIGRATION && armed.getAndSet(false)) {
        reached.countDown();
        try {
          open.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    void awaitReached() throws InterruptedException {
      assertThat(reached.await(30, TimeUnit.SECONDS)).as("the run reached its migration")
          .isTrue();
    }
  }

  @Test
  void aFaultRunEmitsItsEventsInOrderAndTheStoreHoldsItsReport() {
    RunService service = service(deployment.southbound(), Runnable::run, RunListener.NONE);

    deployment.world().optical().cutFiber(FIBER_RAN_A);

    assertThat(service.reports()).hasSize(1);
    RunReport report = service.reports().getFirst();
    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(events.getFirst()).isInstanceOf(RunEvent.Queued.class);
    assertThat(events.get(1)).isInstanceOf(RunEvent.Started.class);
    assertThat(events.getLast()).isInstanceOf(RunEvent.Ended.class);
    assertThat(events).filteredOn(e -> e instanceof RunEvent.StepEnded)
        .extracting(e -> ((RunEvent.StepEnded) e).step()).isEqualTo(report.steps());
    assertThat(events).filteredOn(e -> e instanceof RunEvent.MoveEnded).hasSize(3);
    assertThat(events).filteredOn(e -> e instanceof RunEvent.StepStarted)
        .extracting(e -> ((RunEvent.StepStarted) e).step())
        .filteredOn(s -> s.step() == WorkflowStep.TEMP_LIGHTPATH_SETUP).singleElement()
        .satisfies(s -> assertThat(s.waitingFor()).contains("optical controller"));

    RunId id = events.getFirst().run();
    RunRecord stored = service.store().find(id).orElseThrow();
    assertThat(stored.status()).isEqualTo(RunStatus.ENDED);
    assertThat(stored.report()).contains(report);
    assertThat(stored.trigger()).isInstanceOf(Trigger.FiberFailure.class);
    assertThat(service.store().events(Optional.of(id), 0, 1000)).hasSize(events.size());
  }

  @Test
  void aRunThatSharesVnfsWithARunningOneWaitsItsTurn() throws Exception {
    Gate gate = new Gate();
    RunService service = service(deployment.southbound(), pool, gate);

    RunId first = service.submit(Trigger.PlannedMove.of(Set.of(MME), SITE_B));
    gate.awaitReached();
    // The SPGW has an SLA toward the MME: the two runs may not go at once.
    RunId second = service.submit(Trigger.PlannedMove.of(Set.of(SPGW), SITE_B));
    assertThat(service.store().find(first).orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
    assertThat(service.store().find(first).orElseThrow().current()).extracting(StepStart::step)
        .containsExactly(WorkflowStep.MIGRATION);
    assertThat(service.store().find(second).orElseThrow().status()).isEqualTo(RunStatus.QUEUED);

    gate.open.countDown();
    assertThat(service.await(second, Duration.ofSeconds(30))).get()
        .extracting(RunReport::outcome).isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(service.await(first, Duration.ofSeconds(1))).get()
        .extracting(RunReport::outcome).isEqualTo(RunReport.Outcome.RELOCATED);
    int firstEnded = indexOf(first, RunEvent.Ended.class);
    int secondStarted = indexOf(second, RunEvent.Started.class);
    assertThat(secondStarted).as("the second run starts after the first ended")
        .isGreaterThan(firstEnded);
    assertThat(deployment.vnfs().all()).extracting(v -> v.placement().site())
        .containsOnly(SITE_B);
  }

  @Test
  void cancellingAQueuedRunEndsItHavingDoneNothing() throws Exception {
    Gate gate = new Gate();
    RunService service = service(deployment.southbound(), pool, gate);
    RunId first = service.submit(Trigger.PlannedMove.of(Set.of(MME), SITE_B));
    gate.awaitReached();
    RunId second = service.submit(Trigger.PlannedMove.of(Set.of(SPGW), SITE_B));

    assertThat(service.cancel(second)).isEqualTo(CancelResult.CANCELLED);
    gate.open.countDown();

    RunReport cancelled = service.await(second, Duration.ofSeconds(1)).orElseThrow();
    assertThat(cancelled.outcome()).isEqualTo(RunReport.Outcome.CANCELLED);
    assertThat(cancelled.steps()).isEmpty();
    service.await(first, Duration.ofSeconds(30)).orElseThrow();
    assertThat(deployment.vnfs().require(SPGW).placement().site()).isEqualTo(SITE_A);
    assertThat(service.cancel(second)).isEqualTo(CancelResult.ALREADY_ENDED);
    assertThat(service.cancel(RunId.of("no-such-run"))).isEqualTo(
        CancelResult.UNKNOWN);
  }

  @Test
  void aCancelledRunStopsBeforeItsNextMigrationAndReleasesItsLightpath() throws Exception {
    Gate gate = new Gate();
    RunService service = service(deployment.southbound(), pool, gate);
    RunId run = service.submit(Trigger.PlannedMove.of(Set.of(MME), SITE_B));
    gate.awaitReached();

    assertThat(service.cancel(run)).isEqualTo(CancelResult.REQUESTED);
    gate.open.countDown();

    RunReport report = service.await(run, Duration.ofSeconds(30)).orElseThrow();
    assertThat(report.outcome()).isEqualTo(RunReport.Outcome.CANCELLED);
    // The migration under way when the cancel came finished; the HSS's never began.
    assertThat(report.moves()).extracting(m -> m.vnf().id()).containsExactly(MME);
    assertThat(report.steps().getLast().step()).isEqualTo(WorkflowStep.TEMP_LIGHTPATH_RELEASE);
    assertThat(deployment.world().optical().lightpaths()).noneMatch(Lightpath::temporary);
    assertThat(deployment.vnfs().require(ReferenceSetting.HSS).placement().site())
        .isEqualTo(SITE_A);
  }

  @Test
  void aRunThatBreaksEndsFailedWithItsCauseAndTheServiceGoesOn() {
    AtomicBoolean broken = new AtomicBoolean(true);
    ServiceProbe real = deployment.southbound().probe();
    ServiceProbe breaksOnce = new ServiceProbe() {
      @Override
      public boolean answers(Vnf vnf, Placement at) {
        if (broken.getAndSet(false)) {
          throw new NullPointerException("probe state lost");
        }
        return real.answers(vnf, at);
      }

      @Override
      public UeWatch watch(Vnf vnf) {
        return real.watch(vnf);
      }
    };
    Southbound sb = deployment.southbound();
    RunService service = service(new Southbound(sb.optical(), sb.flows(), sb.compute(),
        breaksOnce, sb.vnfs(), sb.time()), Runnable::run, RunListener.NONE);

    RunReport broke = service.move(Set.of(SPGW), SITE_B);

    assertThat(broke.outcome()).isEqualTo(RunReport.Outcome.FAILED);
    assertThat(broke.message()).contains("internal error").contains("probe state lost");
    assertThat(broke.steps()).filteredOn(s -> s.step() == WorkflowStep.VERIFY).singleElement()
        .satisfies(s -> assertThat(s.status()).isEqualTo(StepRecord.Status.FAILED));
    assertThat(broke.steps().getLast().step()).isEqualTo(WorkflowStep.TEMP_LIGHTPATH_RELEASE);
    assertThat(deployment.world().optical().lightpaths()).noneMatch(Lightpath::temporary);

    RunReport next = service.move(Set.of(SPGW), SITE_A);
    assertThat(next.outcome()).isEqualTo(RunReport.Outcome.RELOCATED);
  }

  @Test
  void aPlannedMoveThatCannotBeRunIsRefusedBeforeAnythingIsQueued() {
    RunService service = service(deployment.southbound(), Runnable::run, RunListener.NONE);

    assertThatThrownBy(() -> service.submit(Trigger.PlannedMove.of(Set.of(MME), SITE_A)))
        .isInstanceOf(RejectedRequestException.class).hasMessageContaining("already runs at")
        .satisfies(e -> assertThat(((RejectedRequestException) e).field()).isEqualTo("vnfs"));
    assertThatThrownBy(() -> service.submit(Trigger.PlannedMove.of(Set.of(VnfId.of("amf-9")),
        SITE_B))).isInstanceOf(RejectedRequestException.class).hasMessageContaining("amf-9");
    assertThatThrownBy(() -> service.submit(Trigger.PlannedMove.of(Set.of(MME),
        ReferenceSetting.RAN))).isInstanceOf(RejectedRequestException.class)
        .hasMessageContaining("compute sites: [site-a, site-b]");
    assertThat(events).isEmpty();
    assertThat(service.store().list(RunQuery.all()).total()).isZero();
  }

  @Test
  void drainingCancelsQueuedRunsLetsTheRunningOneFinishAndRefusesNewOnes() throws Exception {
    Gate gate = new Gate();
    RunService service = service(deployment.southbound(), pool, gate);
    RunId first = service.submit(Trigger.PlannedMove.of(Set.of(MME), SITE_B));
    gate.awaitReached();
    RunId queued = service.submit(Trigger.PlannedMove.of(Set.of(SPGW), SITE_B));

    pool.submit(() -> {
      sleepQuietly(200);
      gate.open.countDown();
    });
    assertThat(service.drain(Duration.ofSeconds(30))).isTrue();

    assertThat(service.await(first, Duration.ZERO)).get().extracting(RunReport::outcome)
        .isEqualTo(RunReport.Outcome.RELOCATED);
    assertThat(service.await(queued, Duration.ZERO)).get().extracting(RunReport::outcome)
        .isEqualTo(RunReport.Outcome.CANCELLED);
    assertThatThrownBy(() -> service.submit(Trigger.PlannedMove.of(Set.of(SPGW), SITE_B)))
        .isInstanceOf(DrainingException.class);
  }

  @Test
  void runsAreListedNewestFirstWithFilters() {
    RunService service = service(deployment.southbound(), Runnable::run, RunListener.NONE);
    service.move(Set.of(SPGW), SITE_B);
    service.move(Set.of(SPGW), SITE_A);
    deployment.world().optical().cutFiber(FIBER_RAN_A);

    var all = service.store().list(RunQuery.all());
    assertThat(all.total()).isEqualTo(3);
    assertThat(all.runs().getFirst().trigger()).isInstanceOf(Trigger.FiberFailure.class);
    var planned = service.store().list(new RunQuery(Optional.empty(),
        Optional.of(RunReport.Kind.PLANNED_MOVE), Optional.of(SPGW), Optional.empty(),
        Optional.empty(), 1, 10));
    assertThat(planned.total()).isEqualTo(2);
    assertThat(planned.runs()).singleElement().satisfies(r ->
        assertThat(((Trigger.PlannedMove) r.trigger()).destination()).isEqualTo(SITE_B));
  }

  private int indexOf(RunId run, Class<? extends RunEvent> type) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).run().equals(run) && type.isInstance(events.get(i))) {
        return i;
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " for " + run);
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
