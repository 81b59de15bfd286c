package org.ferry.seam.optical;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.LightpathId;

/** What the optical controller reports. */
public sealed interface OpticalEvent {

  /** When the controller saw it. */
  Instant at();

  /**
   * A fibre span failed (a cut, or a port down at one of its ends).
   *
   * @param fiber the span
   * @param at when
   * @param lightpathsDown the lightpaths that crossed it and are now out of service
   */
  record FiberFailed(FiberId fiber, Instant at, List<LightpathId> lightpathsDown)
      implements OpticalEvent {
    public FiberFailed {
      Objects.requireNonNull(fiber, "fiber");
      Objects.requireNonNull(at, "at");
      lightpathsDown = List.copyOf(lightpathsDown);
    }
  }

  /** A fibre span works again. */
  record FiberRepaired(FiberId fiber, Instant at) implements OpticalEvent {
    public FiberRepaired {
      Objects.requireNonNull(fiber, "fiber");
      Objects.requireNonNull(at, "at");
    }
  }
}
