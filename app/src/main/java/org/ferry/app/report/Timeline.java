package org.ferry.app.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.model.unit.Durations;
import org.ferry.workflow.RunListener;

/**
 * Prints each step of a run as it ends, one line each, with its time since the run began: the
 * progress a user watches, and the timeline they read afterwards.
 *
 * <p>A step that waits on something outside Ferry (an optical set-up takes minutes on real
 * equipment) and is still going after {@link #QUIET} of real time says so: what it waits for and
 * for how long, as one line rewritten in place on a terminal, or a plain line every {@link
 * #EVERY} otherwise. Simulated steps end long before that, so the twin's timeline stays as it is.
 */
public final class Timeline implements RunListener {

  /** How long a waiting step goes unmentioned. */
  static final Duration QUIET = Duration.ofSeconds(1);
  /** How often a plain progress line repeats. */
  static final Duration EVERY = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean terminal;
  private Instant origin;
  private ScheduledExecutorService ticker;
  private ScheduledFuture<?> waiting;
  private boolean liveLineShown;

  /** A timeline that prints plain lines only. */
  public Timeline(PrintWriter out) {
    this(out, false);
  }

  /** @param terminal whether {@code out} is a terminal, where a live line can be rewritten */
  public Timeline(PrintWriter out, boolean terminal) {
    this.out = out;
    this.terminal = terminal;
  }

  /** A timeline on the process's terminal if it has one. */
  public static Timeline forConsole(PrintWriter out) {
    return new Timeline(out, System.console() != null);
  }

  /** Sets the instant that times are shown relative to (the fault, or the request). */
  public void startAt(Instant instant) {
    origin = instant;
  }

  @Override
  public synchronized void onStepStarted(StepStart step) {
    if (step.waitingFor().isEmpty()) {
      return;
    }
    stopWaiting();
    long startedNanos = System.nanoTime();
    long quiet = QUIET.toMillis();
    long period = terminal ? 1000 : EVERY.toMillis();
    waiting = ticker().scheduleAtFixedRate(() -> progress(step, startedNanos), quiet, period,
        TimeUnit.MILLISECONDS);
  }

  private synchronized void progress(StepStart step, long startedNanos) {
    long seconds = (System.nanoTime() - startedNanos) / 1_000_000_000L;
    String text = String.format("  ... %s %s: waiting %d s for %s", step.step().displayName(),
        step.subject(), seconds, step.waitingFor());
    if (terminal) {
      out.print("\r" + text + "\033[K");
      liveLineShown = true;
    } else {
      out.println(text);
    }
    out.flush();
  }

  @Override
  public synchronized void onStep(StepRecord step) {
    stopWaiting();
    if (origin == null) {
      origin = step.start();
    }
    out.println(line(step, origin));
    out.flush();
  }

  private void stopWaiting() {
    if (waiting != null) {
      waiting.cancel(false);
      waiting = null;
    }
    if (liveLineShown) {
      out.print("\r\033[K");
      liveLineShown = false;
    }
  }

  private ScheduledExecutorService ticker() {
    if (ticker == null) {
      ticker = Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("ferry-timeline").unstarted(r));
    }
    return ticker;
  }

  /** {@code  +   21.345 s  migration               spgw-1        ok      detail}. */
  public static String line(StepRecord step, Instant origin) {
    return String.format("  +%9.3f s  %-23s %-22s %-7s %s",
        Durations.seconds(Duration.between(origin, step.end())),
        step.step().displayName(), step.subject(), step.status().displayName(), step.detail());
  }
}
