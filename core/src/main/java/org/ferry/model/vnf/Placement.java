package org.ferry.model.vnf;

import java.util.Objects;
import org.ferry.model.network.HostId;
import org.ferry.model.network.SiteId;

/**
 * Where a VNF runs.
 *
 * @param site the compute site
 * @param host the host within it
 */
public record Placement(SiteId site, HostId host) {

  public Placement {
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(host, "host");
  }

  @Override
  public String toString() {
    return site + "/" + host;
  }
}
