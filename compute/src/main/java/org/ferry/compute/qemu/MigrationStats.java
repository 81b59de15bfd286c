package org.ferry.compute.qemu;

import java.time.Duration;

/**
 * What QEMU's query-migrate said at the end of a move, beside the outcome's phases.
 *
 * @param qemuTotalTime QEMU's total-time (from the migrate command to completion)
 * @param qemuDowntime QEMU's downtime
 * @param setupTime QEMU's setup-time
 * @param precopyBytes RAM sent while the guest ran at the source
 * @param downtimeBytes RAM sent while it was paused
 * @param postcopyBytes RAM pulled after it resumed at the destination
 * @param dirtySyncs dirty-bitmap passes (rounds)
 * @param switchedToPostcopy whether the move really ran in post-copy (asked for, or by policy):
 *     QEMU went to postcopy-active; asking is not enough, pre-copy may complete first
 * @param postcopyRecoveries how often the page stream broke after the switch-over and was
 *     resumed over a fresh connection
 */
public record MigrationStats(Duration qemuTotalTime, Duration qemuDowntime, Duration setupTime,
    long precopyBytes, long downtimeBytes, long postcopyBytes, long dirtySyncs,
    boolean switchedToPostcopy, int postcopyRecoveries) {

  public long totalBytes() {
    return precopyBytes + downtimeBytes + postcopyBytes;
  }
}
