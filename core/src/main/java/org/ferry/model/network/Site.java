package org.ferry.model.network;

import java.util.List;
import java.util.Objects;

/**
 * A place in the network: a compute site (a rack of hosts) or the RAN's cell site.
 *
 * @param id the site
 * @param role what stands there
 * @param topOfRack the OpenFlow switch that steers the site's Ethernet traffic to its xponders
 * @param hosts compute hosts; empty for the RAN site
 */
public record Site(SiteId id, Role role, SwitchId topOfRack, List<Host> hosts) {

  /** What a site is for. */
  public enum Role {
    /** An edge cloud rack that can host VNFs. */
    COMPUTE,
    /** The cell site: radio unit, DU and CU of the gNB, where UEs attach. */
    RAN
  }

  public Site {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(topOfRack, "topOfRack");
    hosts = List.copyOf(hosts);
    for (Host host : hosts) {
      if (!host.site().equals(id)) {
        throw new IllegalArgumentException("host " + host.id() + " belongs to " + host.site()
            + ", not to site " + id);
      }
    }
  }
}
