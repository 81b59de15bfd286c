package org.ferry.app.bench;

import java.util.List;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.Topology;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.OpticalListener;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;

/**
 * An optical controller that notes, on the wall clock, when a fibre failure reaches Ferry and
 * when Ferry first asks for a temporary lightpath: the two ends of the decision latency. Passes
 * every call on unchanged.
 */
final class TimedOpticalController implements OpticalController {

  private final OpticalController inner;
  private volatile long failureNoticedNanos;
  private volatile long firstRequestNanos;

  TimedOpticalController(OpticalController inner) {
    this.inner = inner;
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
    inner.addListener(event -> {
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
    return inner.setUpTemporary(request);
  }

  @Override
  public Topology topology() {
    return inner.topology();
  }

  @Override
  public List<Lightpath> lightpaths() {
    return inner.lightpaths();
  }

  @Override
  public Optional<Lightpath> lightpath(LightpathId id) {
    return inner.lightpath(id);
  }

  @Override
  public RestorationResult restore(LightpathId id) {
    return inner.restore(id);
  }

  @Override
  public void release(LightpathId id) {
    inner.release(id);
  }
}
