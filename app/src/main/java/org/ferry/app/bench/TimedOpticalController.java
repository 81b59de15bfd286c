package org.ferry.app.bench;

import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.seam.optical.ForwardingOpticalController;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.OpticalListener;
import org.ferry.seam.optical.TemporaryLightpathRequest;

/**
 * An optical controller that notes, on the wall clock, when a fibre failure reaches Ferry and
 * when Ferry first asks for a temporary lightpath: the two ends of the decision latency. Passes
 * every call on unchanged.
 */
final class TimedOpticalController extends ForwardingOpticalController {

  private volatile long failureNoticedNanos;
  private volatile long firstRequestNanos;

  TimedOpticalController(OpticalController inner) {
    super(inner);
  }

  /** From the failure reaching Ferry to its first temporary lightpath request, if both came. */
  Optional<Long> decisionNanos() {
    if (failureNoticedNanos == 0 || firstRequestNanos == 0) {
      return Optional.empty();
    }
    return Optional.of(firstRequestNanos - failureNoticedNanos);
  }

  @Override
  public void addListener(OpticalListener listener) {
    super.addListener(event -> {
      if (event instanceof OpticalEvent.FiberFailed && failureNoticedNanos == 0) {
        failureNoticedNanos = System.nanoTime();
      }
      listener.onEvent(event);
    });
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    if (firstRequestNanos == 0) {
      firstRequestNanos = System.nanoTime();
    }
    return super.setUpTemporary(request);
  }
}
