package org.ferry.model.network;

import java.time.Duration;
import java.util.Objects;
import org.ferry.model.unit.DataRate;

/**
 * An optical channel between xponders at two sites, set up by the optical controller as a service.
 *
 * @param id the service name
 * @param kind the xponder class at both ends; sets the rate
 * @param aEnd the A-end site and xponder
 * @param zEnd the Z-end site and xponder
 * @param route ROADMs and fibres crossed
 * @param frequency the channel's centre frequency
 * @param state whether it carries traffic
 * @param temporary true for a temp-service (set up for a migration and released after it)
 */
public record Lightpath(
    LightpathId id,
    TransponderClass kind,
    End aEnd,
    End zEnd,
    Route route,
    Frequency frequency,
    LightpathState state,
    boolean temporary) {

  /** One end of a lightpath. */
  public record End(SiteId site, TransponderId xponder) {
    public End {
      Objects.requireNonNull(site, "site");
      Objects.requireNonNull(xponder, "xponder");
    }
  }

  public Lightpath {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(aEnd, "aEnd");
    Objects.requireNonNull(zEnd, "zEnd");
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(frequency, "frequency");
    Objects.requireNonNull(state, "state");
  }

  /** The rate traffic gets through this lightpath: its xponders' client rate. */
  public DataRate capacity() {
    return kind.clientRate();
  }

  /** One-way latency: 5 µs per km of fibre plus the latency of the xponder at each end. */
  public Duration latency() {
    return route.length().propagationDelay().plus(kind.equipmentLatency().multipliedBy(2));
  }

  public boolean joins(SiteId a, SiteId z) {
    return (aEnd.site().equals(a) && zEnd.site().equals(z))
        || (aEnd.site().equals(z) && zEnd.site().equals(a));
  }

  public boolean inService() {
    return state == LightpathState.IN_SERVICE;
  }

  public Lightpath withState(LightpathState newState) {
    return new Lightpath(id, kind, aEnd, zEnd, route, frequency, newState, temporary);
  }

  public Lightpath withRoute(Route newRoute, Frequency newFrequency) {
    return new Lightpath(id, kind, aEnd, zEnd, newRoute, newFrequency, state, temporary);
  }
}
