package org.ferry.workflow;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.optical.OpticalEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one point of control: listens to the optical layer, runs the fault-recovery flow for every
 * fibre failure, and runs planned moves on request. Keeps the report of every run.
 *
 * <p>Runs go one at a time, in the order they were asked for, on the executor given: a direct
 * executor in simulated mode (deterministic), a single thread in live mode.
 */
public final class Orchestrator {

  private static final Logger log = LoggerFactory.getLogger(Orchestrator.class);
  private static final DateTimeFormatter RUN_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss").withZone(ZoneOffset.UTC);

  private final Southbound sb;
  private final WorkflowSettings settings;
  private final Executor executor;
  private final RunListener listener;
  private final AtomicInteger runs = new AtomicInteger();
  private final List<RunReport> reports = new ArrayList<>();

  public Orchestrator(
      Southbound southbound, WorkflowSettings settings, Executor executor, RunListener listener) {
    this.sb = Objects.requireNonNull(southbound, "southbound");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.executor = Objects.requireNonNull(executor, "executor");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Starts listening to the optical controller. */
  public void start() {
    sb.optical().addListener(this::onOpticalEvent);
  }

  private void onOpticalEvent(OpticalEvent event) {
    if (event instanceof OpticalEvent.FiberFailed failed) {
      log.info("fiber {} failed, {} lightpath(s) down", failed.fiber(), failed.lightpathsDown()
          .size());
      executor.execute(() -> record(
          new FaultRecoveryWorkflow(sb, settings).run(nextRunId(), failed, listener)));
    }
  }

  /** Runs a planned move now, on the calling thread, and returns its report. */
  public RunReport move(Set<VnfId> vnfs, SiteId destination) {
    return record(new PlannedMoveWorkflow(sb, settings)
        .run(nextRunId(), vnfs, destination, listener));
  }

  private synchronized RunReport record(RunReport report) {
    reports.add(report);
    return report;
  }

  /** Every run so far, oldest first. */
  public synchronized List<RunReport> reports() {
    return List.copyOf(reports);
  }

  private String nextRunId() {
    return "run-" + RUN_STAMP.format(sb.time().now()) + "-" + runs.incrementAndGet();
  }
}
