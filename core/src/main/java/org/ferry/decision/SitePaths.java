package org.ferry.decision;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.TransponderClass.NetworkRole;
import org.ferry.model.unit.DataRate;
import org.ferry.seam.compute.NetworkPath;

/**
 * What the network offers between two sites right now, from the lightpaths in service: the
 * lowest-latency one of the role asked for. Within a site, traffic stays on the rack's switch.
 */
public final class SitePaths {

  /** Within a rack: a 100G top-of-rack switch and a few microseconds. */
  public static final NetworkPath INTRA_SITE =
      new NetworkPath(DataRate.ofGbps(100), Duration.ofNanos(5_000));

  private final List<Lightpath> lightpaths;
  /** The answers of {@link #best}, by (a, z, role): plans ask the same pairs again and again. */
  private final java.util.concurrent.ConcurrentMap<List<Object>, Optional<Lightpath>> best =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** @param lightpaths the lightpaths to consider; those not in service are ignored */
  public SitePaths(List<Lightpath> lightpaths) {
    this.lightpaths = lightpaths.stream().filter(Lightpath::inService).toList();
  }

  /** The tenant path between two sites, or empty if no tenant lightpath joins them. */
  public Optional<NetworkPath> tenant(SiteId a, SiteId z) {
    return between(a, z, NetworkRole.TENANT);
  }

  /** The path between two sites over lightpaths of {@code role}. */
  public Optional<NetworkPath> between(SiteId a, SiteId z, NetworkRole role) {
    if (a.equals(z)) {
      return Optional.of(INTRA_SITE);
    }
    return best(a, z, role).map(lp -> new NetworkPath(lp.capacity(), lp.latency()));
  }

  /** The lowest-latency lightpath of {@code role} in service between two sites. */
  public Optional<Lightpath> best(SiteId a, SiteId z, NetworkRole role) {
    List<Object> key = a.compareTo(z) <= 0 ? List.of(a, z, role) : List.of(z, a, role);
    return best.computeIfAbsent(key, k -> scan(a, z, role));
  }

  private Optional<Lightpath> scan(SiteId a, SiteId z, NetworkRole role) {
    return lightpaths.stream()
        .filter(lp -> lp.kind().role() == role && lp.joins(a, z))
        .min(Comparator.comparing(Lightpath::latency));
  }
}
