package org.ferry.app.report;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.ferry.model.report.StepRecord;
import org.ferry.model.report.StepStart;
import org.ferry.workflow.RunListener;

/**
 * Prints each step of a run as it ends, one line each, with its time since the run began: the
 * progress a user watches, and the timeline they read afterwards.
 *
 * <p>A step that waits on something outside Ferry (an optical set-up takes minutes on real
 * equipment) and is still going after {@link #QUIET} of real time says so: what it waits for and
 * for how long, as one line rewritten in place on a terminal, or a plain line every {@link
 * #EVERY} otherwise. Simulated steps end long before that, so the twin's timeline stays as it is.
 *
 * <p>The columns follow the data ({@link TimelineLines}): a timeline that streams widens its
 * subject column to the longest subject so far; one {@link #heldUntilFlushed held} until the run
 * has ended (the twin's, which ends in an instant of real time) sizes it from every step, so all
 * its lines line up.
 */
public final class Timeline implements RunListener {

  /** How long a waiting step goes unmentioned. */
  static final Duration QUIET = Duration.ofSeconds(1);
  /** How often a plain progress line repeats. */
  static final Duration EVERY = Duration.ofSeconds(10);

  private final PrintWriter out;
  private final boolean terminal;
  private final OptionalInt columns;
  private final List<StepRecord> held; // null when streaming
  private int subjectWidth = TimelineLines.DEFAULT_SUBJECT_WIDTH;
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
    this(out, terminal, OptionalInt.empty(), false);
  }

  private Timeline(PrintWriter out, boolean terminal, OptionalInt columns, boolean hold) {
    this.out = out;
    this.terminal = terminal;
    this.columns = columns;
    this.held = hold ? new ArrayList<>() : null;
  }

  /** A streaming timeline on the process's terminal if it has one, fitting its width. */
  public static Timeline forConsole(PrintWriter out) {
    return new Timeline(out, Terminal.stdout(), Terminal.columns(), false);
  }

  /**
   * A timeline that prints nothing until {@link #flush()}, then every step so far, aligned, to
   * the width of the process's terminal if it has one.
   */
  public static Timeline heldUntilFlushed(PrintWriter out) {
    return new Timeline(out, false, Terminal.columns(), true);
  }

  /** Prints the steps held so far (a held timeline), sized from them all. */
  public synchronized void flush() {
    if (held != null && !held.isEmpty()) {
      TimelineLines.of(held, origin, columns).forEach(out::println);
      held.clear();
      out.flush();
    }
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
    if (held != null) {
      held.add(step);
      return;
    }
    subjectWidth = Math.max(subjectWidth, step.subject().length());
    out.println(TimelineLines.line(step, origin, subjectWidth, columns));
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

  /**
   * One step's line in the default layout, for a caller that streams steps of runs it knows
   * nothing of beforehand; see {@link TimelineLines#of} for a whole run's.
   */
  public static String line(StepRecord step, Instant origin) {
    return TimelineLines.line(step, origin, TimelineLines.DEFAULT_SUBJECT_WIDTH,
        OptionalInt.empty());
  }
}
