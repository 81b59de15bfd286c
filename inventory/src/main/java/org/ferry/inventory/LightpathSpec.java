package org.ferry.inventory;

import java.util.Objects;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.TransponderId;

/**
 * A lightpath in service when Ferry starts: the simulated controller sets it up; a real one must
 * already carry it.
 *
 * @param id the service
 * @param a the xponder at one end
 * @param z the xponder at the other end, at another site
 * @param restorable whether the optical controller may reroute it when a fibre under it fails
 */
public record LightpathSpec(LightpathId id, TransponderId a, TransponderId z, boolean restorable) {

  public LightpathSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(z, "z");
  }

  public LightpathSpec withRestorable(boolean newRestorable) {
    return new LightpathSpec(id, a, z, newRestorable);
  }
}
