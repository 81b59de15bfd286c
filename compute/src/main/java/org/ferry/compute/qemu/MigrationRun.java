package org.ferry.compute.qemu;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.network.SiteId;
import org.ferry.model.report.Figure;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.SwitchOverListener;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live migration of a guest, from {@link #run} to its {@link MigrationOutcome}: pre-live (the
 * destination QEMU, capabilities and parameters at both ends), live (following {@code
 * query-migrate} with its stall, cancel, convergence and post-copy handling), the switch-over told
 * to the listener, post-live (the source quits), and the phases accounted from QEMU's figures. A
 * move that has not switched over is aborted with the guest running on at the source; one whose
 * page pull breaks after a post-copy switch-over is paused and resumed over a fresh connection
 * when the link comes back, and loses the guest only if it does not come back in time.
 */
final class MigrationRun {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger LOG = LoggerFactory.getLogger(QemuVim.class);
  private static final Duration POLL = Duration.ofMillis(10);

  private final String vim;
  private final GuestLauncher launcher;
  private final TestbedLayout layout;
  private final AtomicInteger ports;
  private final Runnable forget;
  private final Guest g;
  private final MigrationRequest request;
  private final SwitchOverListener listener;
  private final MigrationTuning t;
  private int recoveries;

  /**
   * @param vim the VIM's name, for errors
   * @param ports the next migration port
   * @param forget removes the guest from its VIM (when it is lost)
   * @param tuning the tuning of this move (the VIM's, when the move began)
   */
  MigrationRun(String vim, GuestLauncher launcher, TestbedLayout layout, AtomicInteger ports,
      Runnable forget, Guest g, MigrationRequest request, SwitchOverListener listener,
      MigrationTuning tuning) {
    this.vim = vim;
    this.launcher = launcher;
    this.layout = layout;
    this.ports = ports;
    this.forget = forget;
    this.g = g;
    this.request = request;
    this.listener = listener;
    this.t = tuning;
  }

  MigrationOutcome run() {
    QemuInstance src = g.current;
    SiteId to = request.destination().site();
    if (to.equals(src.site())) {
      throw new IllegalArgumentException(g.id + " already runs at " + to);
    }
    TestbedLayout.SiteNet dstNet = layout.site(to);
    MigrationApproach approach = request.approach();
    boolean postcopyCap = approach == MigrationApproach.POST_COPY
        || t.convergence() == ConvergencePolicy.POST_COPY_SWITCH;
    boolean multifd = t.multifdChannels() > 0 && !postcopyCap;
    Instant t0 = Instant.now();
    long start = System.nanoTime();

    // Pre-live: the destination QEMU, listening, and both ends configured.
    QemuInstance dst;
    try {
      dst = launcher.launch(g, to, true);
    } catch (RuntimeException e) {
      throw new MigrationFailedException(vim, "cannot start the destination QEMU at " + to
          + ": " + e.getMessage(), true);
    }
    String uri = "tcp:" + dstNet.hostAddress() + ":" + ports.getAndIncrement();
    DataRate rate = request.path().rate();
    try {
      List<Map<String, Object>> caps = new ArrayList<>();
      caps.add(cap("xbzrle", t.xbzrle()));
      caps.add(cap("auto-converge", t.autoConverge()));
      caps.add(cap("postcopy-ram", postcopyCap));
      caps.add(cap("multifd", multifd));
      for (QemuInstance i : List.of(dst, src)) {
        i.qmp().execute("migrate-set-capabilities", Map.of("capabilities", caps));
      }
      Map<String, Object> params = new LinkedHashMap<>();
      params.put("max-bandwidth", (long) (rate.bitsPerSecond() / 8.0 * t.bandwidthHeadroom()));
      params.put("downtime-limit", t.downtimeLimit().toMillis());
      if (multifd) {
        params.put("multifd-channels", t.multifdChannels());
        dst.qmp().execute("migrate-set-parameters",
            Map.of("multifd-channels", t.multifdChannels()));
      }
      src.qmp().execute("migrate-set-parameters", params);
      dst.qmp().execute("migrate-incoming", Map.of("uri", uri));
    } catch (QmpException e) {
      launcher.terminate(dst);
      throw new MigrationFailedException(vim, "cannot prepare the move: " + e.getMessage(),
          true);
    }

    // Live.
    Instant tLive = Instant.now();
    try {
      src.qmp().execute("migrate", Map.of("uri", uri));
    } catch (QmpException e) {
      launcher.terminate(dst);
      throw new MigrationFailedException(vim, "migrate refused: " + e.getMessage(), true);
    }
    LOG.info("{}: {} {} -> {} over {} ({}), max-bandwidth {} B/s", g.id, approach.displayName(),
        src.site(), to, uri, rate, (long) (rate.bitsPerSecond() / 8.0 * t.bandwidthHeadroom()));
    long lastBytes = -1;
    long lastProgress = System.nanoTime();
    boolean postcopyStarted = false;
    boolean postcopyByPolicy = false;
    boolean postcopyActive = false;
    Instant tSwitch = null;
    JsonNode q;
    while (true) {
      long now = System.nanoTime();
      if (now - start > t.timeout().toNanos() && tSwitch == null) {
        throw abort(src, dst, "did not complete within " + t.timeout().toSeconds() + " s");
      }
      if (tSwitch == null && !dst.process().isAlive()) {
        throw abort(src, dst, "the destination QEMU at " + to + " exited during the move: "
            + QemuInstance.tail(dst.log()));
      }
      if (g.cancelRequested && tSwitch == null) {
        throw abort(src, dst, "cancelled on request");
      }
      try {
        q = src.qmp().execute("query-migrate");
      } catch (QmpException e) {
        if (tSwitch == null) {
          throw abort(src, dst, "lost the source QEMU: " + e.getMessage());
        }
        throw lost(src, dst, "lost the source QEMU during post-copy: " + e.getMessage());
      }
      String status = q.path("status").asText();
      JsonNode ram = q.path("ram");
      long bytes = ram.path("transferred").asLong();
      if (bytes != lastBytes) {
        lastBytes = bytes;
        lastProgress = now;
      }
      boolean stalled = now - lastProgress > t.stallTimeout().toNanos();
      switch (status) {
        case "setup", "active", "device", "pre-switchover" -> {
          if (stalled) {
            throw abort(src, dst, "no bytes moved for " + t.stallTimeout().toMillis()
                + " ms after " + mb(bytes) + ": the link is cut or the destination is gone");
          }
          long syncs = ram.path("dirty-sync-count").asLong();
          if (!postcopyStarted && status.equals("active")) {
            if (approach == MigrationApproach.POST_COPY && bytes > 0) {
              // Post-copy proper: switch during the first pass, so that the destination runs at
              // once and pulls what it lacks (after a full pass, QEMU often completes in pre-copy
              // before it gets to switch).
              startPostcopy(src, dst);
              postcopyStarted = true;
            } else if (approach == MigrationApproach.PRE_COPY && syncs > t.convergenceRounds()) {
              String why = "pre-copy did not converge after " + (syncs - 1) + " passes ("
                  + mb(bytes) + " sent, " + mb(ram.path("remaining").asLong())
                  + " still dirty; the guest dirties about "
                  + String.format("%.0f", ram.path("dirty-pages-rate").asLong() * 4096 / 1e6)
                  + " MB/s, the link carries " + rate + ")";
              if (t.convergence() == ConvergencePolicy.POST_COPY_SWITCH) {
                LOG.warn("{}: {}; switching to post-copy", g.id, why);
                startPostcopy(src, dst);
                postcopyStarted = true;
                postcopyByPolicy = true;
              } else {
                throw abort(src, dst, why + "; policy: abort");
              }
            }
          }
        }
        case "postcopy-active" -> {
          postcopyActive = true;
          if (tSwitch == null) {
            tSwitch = switchOver(src, dst);
          }
          if (!dst.process().isAlive()) {
            throw lost(src, dst, "the destination QEMU exited during the page pull: "
                + QemuInstance.tail(dst.log()));
          }
          if (stalled) {
            recoverPostcopy(src, dst, "no bytes moved for " + t.stallTimeout().toMillis()
                + " ms during the page pull");
            lastProgress = System.nanoTime();
          }
        }
        case "completed" -> {
          if (tSwitch == null) {
            tSwitch = switchOver(src, dst);
          }
        }
        case "postcopy-paused", "postcopy-recover", "postcopy-recover-setup" -> {
          postcopyActive = true;
          if (tSwitch == null) {
            tSwitch = switchOver(src, dst);
          }
          recoverPostcopy(src, dst, "QEMU paused the page pull (" + status + ")");
          lastProgress = System.nanoTime();
        }
        case "failed", "cancelled", "cancelling" -> {
          if (tSwitch != null) {
            throw lost(src, dst, "migration " + status + " after the switch-over: "
                + q.path("error-desc").asText(""));
          }
          throw abort(src, dst, "QEMU says the migration " + status + ": "
              + q.path("error-desc").asText("no reason given"));
        }
        default -> LOG.debug("{}: migration status {}", g.id, status);
      }
      if (status.equals("completed")) {
        break;
      }
      QmpClient.sleep(POLL);
    }
    Instant tCompleted = Instant.now();
    // query-migrate can say completed before total-time and downtime are filled in.
    for (int i = 0; i < 50 && q.path("total-time").asLong() == 0; i++) {
      QmpClient.sleep(POLL);
      q = src.qmp().execute("query-migrate");
    }
    JsonNode ram = q.path("ram");
    MigrationStats stats = new MigrationStats(
        Duration.ofMillis(q.path("total-time").asLong()),
        Duration.ofMillis(q.path("downtime").asLong()),
        Duration.ofMillis(q.path("setup-time").asLong()),
        ram.path("precopy-bytes").asLong(), ram.path("downtime-bytes").asLong(),
        ram.path("postcopy-bytes").asLong(), ram.path("dirty-sync-count").asLong(),
        postcopyActive || ram.path("postcopy-bytes").asLong() > 0
            || ram.path("postcopy-requests").asLong() > 0, recoveries);
    if (postcopyStarted && !stats.switchedToPostcopy()) {
      LOG.info("{}: post-copy was asked for, but pre-copy completed first", g.id);
    }

    // Post-live: the source quits, which frees its tap for a move back.
    launcher.terminate(src);
    g.lastStats = stats;
    Instant tDone = Instant.now();

    long totalBytes = Math.max(ram.path("transferred").asLong(), stats.totalBytes());
    MigrationOutcome outcome =
        outcome(stats, totalBytes, t0, tLive, tSwitch, tCompleted, tDone);
    LOG.info("{}: at {} after {} ms, downtime {} ms, {} moved{}{}", g.id, to,
        outcome.migrationTime().toMillis(), stats.qemuDowntime().toMillis(),
        outcome.bytesMoved(), postcopyByPolicy ? " (switched to post-copy by policy)" : "",
        recoveries > 0 ? " (the page pull broke and was resumed " + recoveries + " time(s))" : "");
    return outcome;
  }

  /**
   * The move's phases, each with its bytes from QEMU's figures: PRE_LIVE, LIVE (to the
   * switch-over), PAGE_PULL after a post-copy switch-over, POST_LIVE; QEMU's downtime as the
   * downtime figure.
   */
  private static MigrationOutcome outcome(MigrationStats stats, long totalBytes, Instant t0,
      Instant tLive, Instant tSwitch, Instant tCompleted, Instant tDone) {
    List<PhaseRecord> phases = new ArrayList<>();
    Provenance m = Provenance.MEASURED;
    phases.add(new PhaseRecord(Phase.PRE_LIVE, t0, tLive, DataSize.ZERO, m));
    if (stats.switchedToPostcopy()) {
      phases.add(new PhaseRecord(Phase.LIVE, tLive, tSwitch,
          DataSize.ofBytes(stats.precopyBytes() + stats.downtimeBytes()), m));
      phases.add(new PhaseRecord(Phase.PAGE_PULL, tSwitch, tCompleted,
          DataSize.ofBytes(Math.max(0, totalBytes - stats.precopyBytes() - stats.downtimeBytes())),
          m));
      phases.add(new PhaseRecord(Phase.POST_LIVE, tCompleted, tDone, DataSize.ZERO, m));
    } else {
      phases.add(new PhaseRecord(Phase.LIVE, tLive, tSwitch, DataSize.ofBytes(totalBytes), m));
      phases.add(new PhaseRecord(Phase.POST_LIVE, tSwitch, tDone, DataSize.ZERO, m));
    }
    MigrationApproach done =
        stats.switchedToPostcopy() ? MigrationApproach.POST_COPY : MigrationApproach.PRE_COPY;
    return new MigrationOutcome(done, phases, Figure.of(stats.qemuDowntime(), m));
  }

  private static Map<String, Object> cap(String name, boolean state) {
    return Map.of("capability", name, "state", state);
  }

  private static String mb(long bytes) {
    return DataSize.ofBytes(bytes).toString();
  }

  private void startPostcopy(QemuInstance src, QemuInstance dst) {
    try {
      src.qmp().execute("migrate-start-postcopy");
    } catch (QmpException e) {
      throw abort(src, dst, "cannot switch to post-copy: " + e.getMessage());
    }
  }

  /**
   * The switch-over: waits until the destination runs; from then on the guest is the destination's
   * (its instance and placement, so that locate and isRunning say so) and the listener is told.
   */
  private Instant switchOver(QemuInstance src, QemuInstance dst) {
    Instant at = awaitRunning(src, dst);
    g.current = dst;
    g.placement = request.destination();
    listener.switchedOver(request.destination());
    return at;
  }

  /** Waits until the destination runs; that is the switch-over. */
  private Instant awaitRunning(QemuInstance src, QemuInstance dst) {
    long deadline = System.nanoTime() + GuestLauncher.QMP_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if ("running".equals(dst.status())) {
          return Instant.now();
        }
      } catch (QmpException e) {
        throw lost(src, dst, "the destination QEMU died at the switch-over: " + e.getMessage());
      }
      QmpClient.sleep(Duration.ofMillis(2));
    }
    throw lost(src, dst, "the destination did not resume within "
        + GuestLauncher.QMP_TIMEOUT.toSeconds() + " s after the source stopped");
  }

  /**
   * The page pull broke after the switch-over: waits for the link and resumes it (see {@link
   * PostcopyRecovery}); if that fails, the guest is lost.
   */
  private void recoverPostcopy(QemuInstance src, QemuInstance dst, String why) {
    recoveries++;
    Optional<String> gaveUp = new PostcopyRecovery(g.id, layout, ports, t).resume(src, dst, why);
    if (gaveUp.isPresent()) {
      throw lost(src, dst, why + ", and " + gaveUp.get());
    }
  }

  /**
   * Stops a pre-copy move that has not switched over: cancel at the source, kill the destination,
   * make sure the source runs.
   */
  private MigrationFailedException abort(QemuInstance src, QemuInstance dst, String why) {
    LOG.warn("{}: aborting the move: {}", g.id, why);
    boolean running = false;
    try {
      src.qmp().execute("migrate_cancel");
      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        String s = src.qmp().execute("query-migrate").path("status").asText();
        if (!s.equals("cancelling") && !s.equals("active") && !s.equals("device")) {
          break;
        }
        QmpClient.sleep(POLL);
      }
      launcher.terminate(dst);
      String state = src.status();
      if (!state.equals("running")) {
        src.qmp().execute("cont");
        state = src.status();
      }
      running = state.equals("running");
    } catch (QmpException e) {
      launcher.terminate(dst);
      LOG.warn("{}: the source did not answer while aborting: {}", g.id, e.getMessage());
    }
    return new MigrationFailedException(vim, g.id + " from " + src.site() + ": " + why
        + (running ? "; it runs on at " + src.site() : "; it does NOT run at " + src.site()),
        running);
  }

  /** A post-copy move broke after the switch-over: neither end has the whole guest. */
  private MigrationFailedException lost(QemuInstance src, QemuInstance dst, String why) {
    LOG.error("{}: lost: {}", g.id, why);
    launcher.terminate(dst);
    launcher.terminate(src);
    forget.run();
    return new MigrationFailedException(vim, g.id + ": " + why
        + "; the guest is lost (post-copy cannot fall back to the source)", false);
  }
}
