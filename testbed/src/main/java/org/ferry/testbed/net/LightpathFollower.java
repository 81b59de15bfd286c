package org.ferry.testbed.net;

import java.time.Duration;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.SiteId;
import org.ferry.seam.optical.OpticalController;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the testbed's lightpath link in step with the optical controller: when a lightpath between
 * the two sites is in service the link is up, shaped to its client rate and delayed by its latency;
 * when none is (the service was deleted, or its fibre cut), the link is cut.
 *
 * <p>It polls {@link OpticalController#lightpaths()} and also re-reads at once on every event the
 * controller reports, so it works with any controller behind the seam: the simulated one, or a
 * TransportPCE client that only answers queries.
 */
public final class LightpathFollower implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LightpathFollower.class);

  private final OpticalController optical;
  private final LightpathLink testbed;
  private final SiteId a;
  private final SiteId z;
  private final ScheduledExecutorService timer;
  private Optional<LinkShape> applied = Optional.empty();
  private boolean started;
  private final Comparator<Lightpath> preference;

  /** Follows the fastest lightpath in service between the sites. */
  public LightpathFollower(OpticalController optical, LightpathLink testbed, SiteId a, SiteId z) {
    this(optical, testbed, a, z, false);
  }

  /**
   * @param temporaryFirst follow a temporary lightpath (set up for a migration) whenever one is in
   *     service, whatever its rate: the link then carries what the migration really gets
   */
  public LightpathFollower(OpticalController optical, LightpathLink testbed, SiteId a, SiteId z,
      boolean temporaryFirst) {
    Comparator<Lightpath> fastest = Comparator.comparing(Lightpath::capacity)
        .thenComparing(Lightpath::latency, Comparator.reverseOrder());
    this.preference = temporaryFirst
        ? Comparator.comparing(Lightpath::temporary).thenComparing(fastest) : fastest;
    this.optical = Objects.requireNonNull(optical, "optical");
    this.testbed = Objects.requireNonNull(testbed, "testbed");
    this.a = Objects.requireNonNull(a, "a");
    this.z = Objects.requireNonNull(z, "z");
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "lightpath-follower");
      t.setDaemon(true);
      return t;
    });
  }

  /** Brings the link in step now, then keeps it so, polling every {@code period}. */
  public synchronized void start(Duration period) {
    if (started) {
      return;
    }
    started = true;
    sync();
    optical.addListener(event -> timer.execute(this::syncQuietly));
    timer.scheduleWithFixedDelay(this::syncQuietly, period.toMillis(), period.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The lightpath the link should follow, of those in service between the sites. */
  public Optional<Lightpath> wanted() {
    return optical.lightpaths().stream()
        .filter(lp -> lp.joins(a, z) && lp.inService())
        .max(preference);
  }

  /** Reads the controller and changes the link if it must; returns the shape now applied. */
  public synchronized Optional<LinkShape> sync() {
    Optional<LinkShape> want = wanted().map(LinkShape::of);
    if (!want.equals(applied)) {
      if (want.isPresent()) {
        testbed.applyLink(want.get());
      } else {
        testbed.cutLink();
      }
      LOG.info("lightpath {}-{}: {}", a, z, want.map(LinkShape::toString).orElse("cut"));
      applied = want;
    }
    return applied;
  }

  private void syncQuietly() {
    try {
      sync();
    } catch (RuntimeException e) {
      LOG.warn("cannot follow the optical controller: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
