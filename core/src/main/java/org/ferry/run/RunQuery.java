package org.ferry.run;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.VnfId;

/**
 * Which runs to list: every filter given must match. Newest first.
 *
 * @param status only runs in this state
 * @param trigger only runs of this kind (fault recovery or planned move)
 * @param vnf only runs that name or moved this VNF
 * @param since only runs queued at or after this instant
 * @param until only runs queued before this instant
 * @param offset how many matching runs to skip, 0 or more
 * @param limit how many to return, 1 to {@link #MAX_LIMIT}
 */
public record RunQuery(
    Optional<RunStatus> status,
    Optional<RunReport.Kind> trigger,
    Optional<VnfId> vnf,
    Optional<Instant> since,
    Optional<Instant> until,
    int offset,
    int limit) {

  public static final int MAX_LIMIT = 500;

  public RunQuery {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(until, "until");
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be 0 or more, got " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ", got " + limit);
    }
  }

  /** Every run, the newest 50. */
  public static RunQuery all() {
    return new RunQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
        Optional.empty(), 0, 50);
  }

  /** Whether a run matches every filter (not the page bounds). */
  public boolean matches(RunRecord run) {
    return status.map(s -> run.status() == s).orElse(true)
        && trigger.map(k -> run.trigger().kind() == k).orElse(true)
        && vnf.map(v -> run.trigger().vnfs().contains(v)
            || run.moves().stream().anyMatch(m -> m.vnf().id().equals(v))).orElse(true)
        && since.map(t -> !run.queued().isBefore(t)).orElse(true)
        && until.map(t -> run.queued().isBefore(t)).orElse(true);
  }
}
