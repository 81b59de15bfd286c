package org.ferry.compute.qemu;

import java.time.Duration;
import java.util.Objects;

/**
 * How the driver runs a QEMU migration.
 *
 * @param bandwidthHeadroom max-bandwidth = the path's rate times this (the link shapes; QEMU's
 *     default cap of 32 MiB/s would throttle far below it)
 * @param downtimeLimit QEMU's downtime-limit: it switches over once the rest fits in it
 * @param xbzrle send deltas of re-sent pages
 * @param multifdChannels parallel channels, 0 for none (never with post-copy: QEMU 7.2 could not
 *     combine them)
 * @param autoConverge throttle the vCPUs when pre-copy does not converge
 * @param convergence what to do when pre-copy does not converge
 * @param convergenceRounds dirty-memory passes after which pre-copy counts as not converging
 * @param stallTimeout no bytes moved for this long counts as a cut link or a dead destination
 * @param timeout the limit of a move until its switch-over
 * @param postcopyRecovery how long a post-copy move that broke after its switch-over waits for
 *     the link to come back (the guest runs at the destination meanwhile, stalled on each page
 *     it lacks) before the guest counts as lost
 */
public record MigrationTuning(
    double bandwidthHeadroom,
    Duration downtimeLimit,
    boolean xbzrle,
    int multifdChannels,
    boolean autoConverge,
    ConvergencePolicy convergence,
    int convergenceRounds,
    Duration stallTimeout,
    Duration timeout,
    Duration postcopyRecovery) {

  public MigrationTuning {
    Objects.requireNonNull(downtimeLimit, "downtimeLimit");
    Objects.requireNonNull(convergence, "convergence");
    Objects.requireNonNull(stallTimeout, "stallTimeout");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(postcopyRecovery, "postcopyRecovery");
    if (bandwidthHeadroom < 1 || multifdChannels < 0 || convergenceRounds < 2) {
      throw new IllegalArgumentException("bandwidth headroom must be >= 1, multifd channels >= 0"
          + " and convergence rounds >= 2");
    }
  }

  /**
   * Max-bandwidth 1.25x the link, 20 ms downtime limit, post-copy when it cannot converge, a
   * post-copy break waited out for 30 s.
   */
  public static MigrationTuning defaults() {
    return new MigrationTuning(1.25, Duration.ofMillis(20), false, 0, false,
        ConvergencePolicy.POST_COPY_SWITCH, 12, Duration.ofSeconds(3), Duration.ofMinutes(5),
        Duration.ofSeconds(30));
  }

  public MigrationTuning withConvergence(ConvergencePolicy policy, int rounds) {
    return new MigrationTuning(bandwidthHeadroom, downtimeLimit, xbzrle, multifdChannels,
        autoConverge, policy, rounds, stallTimeout, timeout, postcopyRecovery);
  }

  public MigrationTuning withDowntimeLimit(Duration limit) {
    return new MigrationTuning(bandwidthHeadroom, limit, xbzrle, multifdChannels, autoConverge,
        convergence, convergenceRounds, stallTimeout, timeout, postcopyRecovery);
  }

  public MigrationTuning withXbzrle(boolean on) {
    return new MigrationTuning(bandwidthHeadroom, downtimeLimit, on, multifdChannels, autoConverge,
        convergence, convergenceRounds, stallTimeout, timeout, postcopyRecovery);
  }

  public MigrationTuning withMultifd(int channels) {
    return new MigrationTuning(bandwidthHeadroom, downtimeLimit, xbzrle, channels, autoConverge,
        convergence, convergenceRounds, stallTimeout, timeout, postcopyRecovery);
  }

  public MigrationTuning withAutoConverge(boolean on) {
    return new MigrationTuning(bandwidthHeadroom, downtimeLimit, xbzrle, multifdChannels, on,
        convergence, convergenceRounds, stallTimeout, timeout, postcopyRecovery);
  }

  public MigrationTuning withPostcopyRecovery(Duration wait) {
    return new MigrationTuning(bandwidthHeadroom, downtimeLimit, xbzrle, multifdChannels,
        autoConverge, convergence, convergenceRounds, stallTimeout, timeout, wait);
  }
}
