package org.ferry.seam.optical;

import java.util.Objects;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.TransponderClass;

/**
 * A temporary lightpath between two sites (the OpenROADM temp-service-create).
 *
 * @param name the service name to give it
 * @param aEnd one site
 * @param zEnd the other
 * @param kind the xponder class to use at both ends
 */
public record TemporaryLightpathRequest(
    LightpathId name, SiteId aEnd, SiteId zEnd, TransponderClass kind) {

  public TemporaryLightpathRequest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(aEnd, "aEnd");
    Objects.requireNonNull(zEnd, "zEnd");
    Objects.requireNonNull(kind, "kind");
    if (aEnd.equals(zEnd)) {
      throw new IllegalArgumentException("a lightpath needs two different sites, got " + aEnd
          + " twice");
    }
  }
}
