package org.ferry.optical.transportpce;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.Topology;

/**
 * The last reading of the controller (its fibres and lightpaths), kept until something may have
 * changed it. Callers poll {@code lightpaths()} and {@code topology()}; reading the controller for
 * each call would cost four GETs every time. The reading is dropped ({@link #invalidate()}) on
 * every notification the controller publishes and after every request of Ferry's that changes
 * the network; the next call reads again.
 *
 * <p>As a safety net for notifications that never come (a stream that broke, a change the
 * controller does not notify), a reading also expires after {@code maxAge}.
 *
 * <p>Thread-safe. A reading that raced an invalidation is not kept: a notification that arrives
 * while the controller is being read makes the next call read again.
 */
final class LightpathStore {

  /** One consistent reading of the controller. */
  record Snapshot(RoadmLinks links, Topology topology, List<Lightpath> lightpaths) {

    Snapshot {
      Objects.requireNonNull(links, "links");
      Objects.requireNonNull(topology, "topology");
      lightpaths = List.copyOf(lightpaths);
    }

    LightpathMapper mapper() {
      return new LightpathMapper(topology, links);
    }
  }

  private record Held(long generation, long readAtNanos, Snapshot snapshot) {}

  private final Supplier<Snapshot> reader;
  private final Duration maxAge;
  private final LongSupplier nanoTime;
  private final AtomicLong generation = new AtomicLong();
  private volatile Held held;

  /**
   * @param reader reads the controller; called on the caller's thread, one call at a time
   * @param maxAge how long a reading is kept at most, with no notification dropping it
   * @param nanoTime the clock ({@code System::nanoTime} outside tests)
   */
  LightpathStore(Supplier<Snapshot> reader, Duration maxAge, LongSupplier nanoTime) {
    this.reader = Objects.requireNonNull(reader, "reader");
    this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
  }

  /**
   * The current reading: the one held if nothing dropped it and it is young enough, else a new
   * one.
   *
   * @throws org.ferry.seam.SouthboundException if the controller must be read and cannot be
   */
  Snapshot current() {
    Held h = held;
    if (fresh(h)) {
      return h.snapshot();
    }
    synchronized (this) {
      h = held;
      if (fresh(h)) {
        return h.snapshot(); // another caller read it meanwhile
      }
      long before = generation.get();
      long at = nanoTime.getAsLong();
      Snapshot read = reader.get();
      held = new Held(before, at, read);
      return read;
    }
  }

  /** Drops the reading held: the next {@link #current()} reads the controller again. */
  void invalidate() {
    generation.incrementAndGet();
  }

  private boolean fresh(Held h) {
    return h != null && h.generation() == generation.get()
        && nanoTime.getAsLong() - h.readAtNanos() < maxAge.toNanos();
  }
}
