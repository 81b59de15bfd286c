package org.ferry.run;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.workflow.FaultRecoveryWorkflow;
import org.ferry.workflow.PlannedMoveWorkflow;
import org.ferry.workflow.RejectedRequestException;
import org.ferry.workflow.RunContext;
import org.ferry.workflow.RunListener;
import org.ferry.workflow.Southbound;
import org.ferry.workflow.WorkflowSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one point of control: runs the fault-recovery flow for every fibre failure the optical
 * controller reports and planned moves on request, through one queue, and keeps every run in the
 * {@link RunStore}.
 *
 * <p>At most one run touches a VNF, a site's hosts or its xponders at a time ({@link Claims});
 * runs that share nothing go in parallel on the executor, and a run never overtakes an earlier
 * one it conflicts with. With a direct executor ({@code Runnable::run}) every run goes on the
 * thread that asked for it, which keeps runs in virtual time deterministic.
 *
 * <p>Every run ends with a report: one that breaks on an unexpected error ends FAILED with its
 * cause, and the service goes on. Thread-safe.
 */
public final class RunService {

  private static final Logger log = LoggerFactory.getLogger(RunService.class);

  private final Southbound sb;
  private final WorkflowSettings settings;
  private final RunStore store;
  private final Executor executor;
  private final RunListener stepListener;
  private final List<Consumer<RunStore.SequencedEvent>> subscribers = new CopyOnWriteArrayList<>();
  private final RunIds ids = new RunIds();

  /** Guards the queue, the running runs, the ended reports and the draining flag. */
  private final Object lock = new Object();
  private final Deque<PendingRun> queue = new ArrayDeque<>();
  private final Map<RunId, PendingRun> running = new LinkedHashMap<>();
  private final List<RunReport> ended = new ArrayList<>();
  private boolean draining;

  /**
   * @param store where every run is kept
   * @param executor where runs go: {@code Runnable::run} runs each on the caller's thread
   * @param stepListener told of every step of every run, on the run's thread (a CLI timeline)
   */
  public RunService(Southbound southbound, WorkflowSettings settings, RunStore store,
      Executor executor, RunListener stepListener) {
    this.sb = Objects.requireNonNull(southbound, "southbound");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.store = Objects.requireNonNull(store, "store");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.stepListener = Objects.requireNonNull(stepListener, "stepListener");
  }

  /** Starts following the optical controller: each fibre failure queues a fault run. */
  public void start() {
    sb.optical().addListener(event -> {
      if (event instanceof OpticalEvent.FiberFailed failed) {
        log.info("fiber {} failed, {} lightpath(s) down", failed.fiber(),
            failed.lightpathsDown().size());
        try {
          submit(new Trigger.FiberFailure(failed));
        } catch (DrainingException e) {
          log.warn("fiber {} failed while draining: no fault run started", failed.fiber());
        }
      }
    });
  }

  /**
   * Tells {@code subscriber} of every run event from now on, with its place in the store's
   * stream, on the thread that emits it. A subscriber must not block; one that throws is logged
   * and skipped.
   */
  public void subscribe(Consumer<RunStore.SequencedEvent> subscriber) {
    subscribers.add(Objects.requireNonNull(subscriber, "subscriber"));
  }

  /** The store the runs are kept in. */
  public RunStore store() {
    return store;
  }

  /**
   * Queues a run. A planned move is checked first, against the inventory as it is now.
   *
   * @return the run's id; with a direct executor, the run has ended by the time this returns
   * @throws RejectedRequestException if a planned move names an unknown VNF or site, or a VNF
   *     already at its destination; nothing is queued
   * @throws DrainingException if the service is shutting down
   */
  public RunId submit(Trigger trigger) {
    check(trigger);
    PendingRun pending;
    synchronized (lock) {
      if (draining) {
        throw new DrainingException();
      }
      Instant now = sb.time().now();
      RunId id = ids.next(now);
      pending = new PendingRun(id, trigger, Claims.of(trigger, sb.vnfs()));
      queue.addLast(pending);
      emit(new RunEvent.Queued(id, now, trigger));
    }
    log.info("run {} queued: {}", pending.id, trigger.describe());
    dispatch();
    return pending.id;
  }

  /**
   * Checks a trigger as {@link #submit} does, queuing nothing: a caller can refuse a request
   * before it announces the run.
   *
   * @throws RejectedRequestException if a planned move names an unknown VNF or site, or a VNF
   *     already at its destination
   */
  public void check(Trigger trigger) {
    Objects.requireNonNull(trigger, "trigger");
    if (trigger instanceof Trigger.PlannedMove move) {
      new PlannedMoveWorkflow(sb, settings).check(move.vnfs(), move.destination());
    }
  }

  /** A planned move, run to its end: submits it and waits for its report. */
  public RunReport move(java.util.Set<VnfId> vnfs, SiteId destination) {
    RunId id = submit(Trigger.PlannedMove.of(vnfs, destination));
    return await(id, Duration.ofDays(1)).orElseThrow();
  }

  /**
   * Waits until a run has ended.
   *
   * @return its report, or empty if it has not ended within {@code within}
   * @throws IllegalArgumentException if the run is unknown
   */
  public Optional<RunReport> await(RunId id, Duration within) {
    CompletableFuture<RunReport> done;
    synchronized (lock) {
      RunRecord run = store.find(id)
          .orElseThrow(() -> new IllegalArgumentException("no run " + id));
      if (run.report().isPresent()) {
        return run.report();
      }
      done = pendingById(id).map(p -> p.done).orElseThrow();
    }
    return waitFor(done, within);
  }

  private Optional<PendingRun> pendingById(RunId id) {
    return java.util.stream.Stream.concat(running.values().stream(), queue.stream())
        .filter(p -> p.id.equals(id)).findFirst();
  }

  private static <T> Optional<T> waitFor(CompletableFuture<T> future, Duration within) {
    try {
      return Optional.ofNullable(future.get(within.toNanos(), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    } catch (ExecutionException e) {
      throw new IllegalStateException("a run's completion failed", e.getCause());
    }
  }

  /** Asks a run to stop. */
  public CancelResult cancel(RunId id) {
    PendingRun removed = null;
    synchronized (lock) {
      PendingRun run = running.get(id);
      if (run != null) {
        run.cancelRequested = true;
        return CancelResult.REQUESTED;
      }
      for (PendingRun p : queue) {
        if (p.id.equals(id)) {
          removed = p;
        }
      }
      if (removed == null) {
        return store.find(id).isPresent() ? CancelResult.ALREADY_ENDED : CancelResult.UNKNOWN;
      }
      queue.remove(removed);
      endWithoutRunning(removed, RunReport.Outcome.CANCELLED, "cancelled on request while"
          + " queued; it did nothing");
    }
    dispatch();
    return CancelResult.CANCELLED;
  }

  /**
   * Stops taking runs: cancels the queued ones, lets the running ones finish for up to {@code
   * bound}, then asks those still running to stop and waits up to {@code bound} again.
   *
   * @return true if no run is left running
   */
  public boolean drain(Duration bound) {
    List<PendingRun> dropped;
    synchronized (lock) {
      draining = true;
      dropped = new ArrayList<>(queue);
      queue.clear();
      for (PendingRun p : dropped) {
        endWithoutRunning(p, RunReport.Outcome.CANCELLED, "cancelled: Ferry was shutting down"
            + " before the run's turn came");
      }
    }
    if (waitForRunning(bound)) {
      return true;
    }
    synchronized (lock) {
      running.values().forEach(p -> p.cancelRequested = true);
      log.warn("draining: {} run(s) still going after {}; asked them to stop", running.size(),
          bound);
    }
    return waitForRunning(bound);
  }

  private boolean waitForRunning(Duration bound) {
    CompletableFuture<Void> all;
    synchronized (lock) {
      all = CompletableFuture.allOf(
          running.values().stream().map(p -> p.done).toArray(CompletableFuture[]::new));
    }
    waitFor(all, bound);
    return all.isDone();
  }

  /** Every run that has ended so far, in the order they ended. */
  public List<RunReport> reports() {
    synchronized (lock) {
      return List.copyOf(ended);
    }
  }

  /**
   * Emits a {@link RunEvent.StepProgress} for every step under way that waits on something: a
   * long optical set-up, say. Whoever shows progress calls this every few seconds.
   */
  public void tickProgress() {
    List<RunEvent> ticks = new ArrayList<>();
    Instant now = sb.time().now();
    synchronized (lock) {
      for (PendingRun p : running.values()) {
        store.find(p.id).ifPresent(run -> run.current().stream()
            .filter(s -> !s.waitingFor().isEmpty())
            .forEach(s -> ticks.add(new RunEvent.StepProgress(p.id, now, s,
                Duration.between(s.start(), now)))));
      }
    }
    ticks.forEach(this::emit);
  }

  /** Starts every queued run that conflicts with no running run and no earlier queued one. */
  private void dispatch() {
    List<PendingRun> startable = new ArrayList<>();
    synchronized (lock) {
      List<Claims> taken = new ArrayList<>();
      running.values().forEach(p -> taken.add(p.claims));
      for (var it = queue.iterator(); it.hasNext(); ) {
        PendingRun p = it.next();
        if (taken.stream().noneMatch(p.claims::overlaps)) {
          it.remove();
          running.put(p.id, p);
          startable.add(p);
        }
        taken.add(p.claims); // a later run may not overtake this one
      }
    }
    for (PendingRun p : startable) {
      try {
        executor.execute(() -> execute(p));
      } catch (RejectedExecutionException e) {
        finish(p, failedBeforeStart(p, "Ferry could not start the run: " + e.getMessage()));
      }
    }
  }

  private void execute(PendingRun p) {
    emit(new RunEvent.Started(p.id, sb.time().now()));
    RunContext context = new RunContext(p.id.value(), new Forwarder(p.id),
        () -> p.cancelRequested);
    RunReport report;
    try {
      report = switch (p.trigger) {
        case Trigger.FiberFailure f -> new FaultRecoveryWorkflow(sb, settings)
            .run(context, f.event());
        case Trigger.PlannedMove m -> new PlannedMoveWorkflow(sb, settings)
            .run(context, m.vnfs(), m.destination());
      };
    } catch (RejectedRequestException e) {
      // The inventory changed while the run was queued: it no longer makes sense.
      report = failedBeforeStart(p, "rejected when its turn came: " + e.getMessage());
    } catch (RuntimeException e) {
      log.error("run {} broke before its first step", p.id, e);
      report = failedBeforeStart(p, "internal error: " + e);
    }
    finish(p, report);
  }

  private void finish(PendingRun p, RunReport report) {
    emit(new RunEvent.Ended(p.id, report.finished(), report));
    synchronized (lock) {
      running.remove(p.id);
      ended.add(report);
    }
    p.done.complete(report);
    dispatch();
  }

  /** Ends a run that never took a step; called with the lock held. */
  private void endWithoutRunning(PendingRun p, RunReport.Outcome outcome, String why) {
    RunReport report = new RunReport(p.id.value(), p.trigger.kind(), p.trigger.describe(),
        sb.time().now(), sb.time().now(), outcome, why, List.of(), List.of());
    emit(new RunEvent.Ended(p.id, report.finished(), report));
    ended.add(report);
    p.done.complete(report);
  }

  private RunReport failedBeforeStart(PendingRun p, String why) {
    Instant now = sb.time().now();
    return new RunReport(p.id.value(), p.trigger.kind(), p.trigger.describe(), now, now,
        RunReport.Outcome.FAILED, why, List.of(), List.of());
  }

  private void emit(RunEvent event) {
    RunStore.SequencedEvent stored = new RunStore.SequencedEvent(store.append(event), event);
    for (Consumer<RunStore.SequencedEvent> s : subscribers) {
      try {
        s.accept(stored);
      } catch (RuntimeException e) {
        log.warn("a run event subscriber failed on {} of {}: {}", event.type(), event.run(),
            e.toString());
      }
    }
  }

  /** Turns a workflow's step callbacks into events, and passes them on to the step listener. */
  private final class Forwarder implements RunListener {
    private final RunId id;

    Forwarder(RunId id) {
      this.id = id;
    }

    @Override
    public void onStepStarted(StepStart step) {
      emit(new RunEvent.StepStarted(id, step.start(), step));
      stepListener.onStepStarted(step);
    }

    @Override
    public void onStep(StepRecord step) {
      emit(new RunEvent.StepEnded(id, step.end(), step));
      stepListener.onStep(step);
    }

    @Override
    public void onMove(MoveRecord move) {
      emit(new RunEvent.MoveEnded(id, sb.time().now(), move));
      stepListener.onMove(move);
    }
  }
}
