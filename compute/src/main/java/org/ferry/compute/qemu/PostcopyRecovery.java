package org.ferry.compute.qemu;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.vnf.VnfId;
import org.ferry.testbed.net.PingProbe;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes the page pull of a post-copy move that broke after its switch-over. The guest runs at
 * the destination and waits there on each page it still lacks, while the source holds the rest.
 * Puts both ends into postcopy-paused (a cut link hangs their sockets rather than breaking them);
 * then, each time the destination's host answers from the source's site, has the destination
 * listen on a fresh port and the source resume over it, until the pages flow again or the
 * tuning's post-copy recovery time is up.
 *
 * <p>The destination is only sent out-of-band commands: its main thread may be blocked on a
 * missing page, and then it answers nothing else (not even query-migrate) until the pull runs.
 */
final class PostcopyRecovery {

  /** The façade's logger, as for the rest of a move. */
  private static final Logger LOG = LoggerFactory.getLogger(QemuVim.class);
  private static final Duration POLL = Duration.ofMillis(200);

  private final VnfId guest;
  private final TestbedLayout layout;
  private final AtomicInteger ports;
  private final MigrationTuning t;

  /** @param ports the next migration port, shared with the moves */
  PostcopyRecovery(VnfId guest, TestbedLayout layout, AtomicInteger ports,
      MigrationTuning tuning) {
    this.guest = guest;
    this.layout = layout;
    this.ports = ports;
    this.t = tuning;
  }

  /**
   * @param why what broke, for the log
   * @return empty once the pages flow again; otherwise why it gave up (the guest is then lost)
   */
  Optional<String> resume(QemuInstance src, QemuInstance dst, String why) {
    long began = System.nanoTime();
    long deadline = began + t.postcopyRecovery().toNanos();
    LOG.warn("{}: {}; the guest waits at {} for its missing pages while the link to it is"
        + " retried for up to {} s", guest, why, dst.site(), t.postcopyRecovery().toSeconds());
    pause(src);
    pause(dst);
    String from = layout.site(src.site()).namespace();
    String dstHost = layout.site(dst.site()).hostAddress();
    long attemptAt = 0;
    while (System.nanoTime() < deadline) {
      if (!dst.process().isAlive() || !src.process().isAlive()) {
        return Optional.of("then the " + (dst.process().isAlive() ? "source" : "destination")
            + " QEMU exited");
      }
      String s = migrationStatus(src);
      if (s.equals("postcopy-active") || s.equals("completed")) {
        LOG.info("{}: the page pull resumed after {} ms", guest,
            (System.nanoTime() - began) / 1_000_000);
        return Optional.empty();
      }
      if (attemptAt != 0 && System.nanoTime() - attemptAt > t.stallTimeout().toNanos()) {
        // the link went again while the ends reconnected: back to paused, and retry
        pause(src);
        pause(dst);
        attemptAt = 0;
      } else if (attemptAt == 0 && s.equals("postcopy-paused")
          && PingProbe.answersOnce(from, dstHost)) {
        String uri = "tcp:" + dstHost + ":" + ports.getAndIncrement();
        try {
          dst.qmp().executeOutOfBand("migrate-recover", Map.of("uri", uri));
          src.qmp().execute("migrate", Map.of("uri", uri, "resume", true));
          attemptAt = System.nanoTime();
        } catch (QmpException e) {
          // typically: the destination has not noticed the break yet; pause it and retry
          LOG.info("{}: a resume over {} was refused: {}", guest, uri, e.getMessage());
          pause(dst);
        }
      }
      QmpClient.sleep(POLL);
    }
    return Optional.of("the link did not come back within " + t.postcopyRecovery().toSeconds()
        + " s");
  }

  /** Puts a post-copy end into postcopy-paused; one that is paused already, or gone, is left. */
  private static void pause(QemuInstance end) {
    try {
      end.qmp().executeOutOfBand("migrate-pause", Map.of());
    } catch (QmpException e) {
      // already paused, or not in post-copy any more
    }
  }

  private static String migrationStatus(QemuInstance end) {
    try {
      return end.qmp().execute("query-migrate").path("status").asText();
    } catch (QmpException e) {
      return "unknown";
    }
  }
}
