package org.ferry.seam.optical;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.Topology;

/**
 * An optical controller that passes every call on to another: the base of decorators that time,
 * meter or record what goes through the optical seam, each overriding only the calls it watches.
 * Thread-safe if the controller it wraps is.
 */
public abstract class ForwardingOpticalController implements OpticalController {

  private final OpticalController delegate;

  protected ForwardingOpticalController(OpticalController delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The controller calls go on to. */
  protected final OpticalController delegate() {
    return delegate;
  }

  @Override
  public Topology topology() {
    return delegate.topology();
  }

  @Override
  public List<Lightpath> lightpaths() {
    return delegate.lightpaths();
  }

  @Override
  public Optional<Lightpath> lightpath(LightpathId id) {
    return delegate.lightpath(id);
  }

  @Override
  public RestorationResult restore(LightpathId id) {
    return delegate.restore(id);
  }

  @Override
  public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
    return delegate.setUpTemporary(request);
  }

  @Override
  public void release(LightpathId id) {
    delegate.release(id);
  }

  @Override
  public void addListener(OpticalListener listener) {
    delegate.addListener(listener);
  }
}
