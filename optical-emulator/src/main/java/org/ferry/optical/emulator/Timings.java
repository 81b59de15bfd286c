package org.ferry.optical.emulator;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.ferry.optical.pce.PceResult;

/**
 * How long the emulated controller takes: path computation, device set-up (renderer and OLM)
 * and deletion.
 *
 * <p>By default the set-up follows TransportPCE's OLM timers: 120 s after powering up each
 * transponder network port ({@code timer1}) and 20 s after each ROADM cross-connect power step
 * ({@code timer2}), so a service across two ROADMs takes 2 × 120 + 2 × 20 = 280 s; TransportPCE's
 * tests call the nominal figure 300 s. A set-up delay given explicitly replaces that, and the
 * path computation and deletion then take at most as long.
 *
 * @param pce time to compute a path, during which the service is absent
 * @param setup a fixed set-up delay, or empty for the OLM timers
 * @param delete time to delete a service on the devices
 */
public record Timings(Duration pce, Optional<Duration> setup, Duration delete) {

  static final Duration OLM_TIMER1 = Duration.ofSeconds(120);
  static final Duration OLM_TIMER2 = Duration.ofSeconds(20);

  public Timings {
    Objects.requireNonNull(pce, "pce");
    Objects.requireNonNull(setup, "setup");
    Objects.requireNonNull(delete, "delete");
  }

  /** TransportPCE on real OLM timers. */
  public static Timings realOlm() {
    return new Timings(Duration.ofSeconds(1), Optional.empty(), Duration.ofSeconds(20));
  }

  /** A shortened set-up (as with TransportPCE's test timers); PCE and delete take no longer. */
  public static Timings withSetupDelay(Duration setup) {
    if (setup.isNegative()) {
      throw new IllegalArgumentException("the set-up delay cannot be negative: " + setup);
    }
    Duration pce = setup.compareTo(Duration.ofSeconds(1)) < 0 ? setup : Duration.ofSeconds(1);
    return new Timings(pce, Optional.of(setup), setup);
  }

  /** How long the devices take to carry a service on this path. */
  public Duration setupFor(PceResult.Path path) {
    return setup.orElseGet(() -> OLM_TIMER1.multipliedBy(2)
        .plus(OLM_TIMER2.multipliedBy(path.roadms().size())));
  }
}
