package org.ferry.run;

import java.util.concurrent.CompletableFuture;
import org.ferry.model.report.RunReport;

/** A run the run service accepted and has not ended: what it claims, and its end to wait on. */
final class PendingRun {
  final RunId id;
  final Trigger trigger;
  final Claims claims;
  final CompletableFuture<RunReport> done = new CompletableFuture<>();
  volatile boolean cancelRequested;

  PendingRun(RunId id, Trigger trigger, Claims claims) {
    this.id = id;
    this.trigger = trigger;
    this.claims = claims;
  }
}
