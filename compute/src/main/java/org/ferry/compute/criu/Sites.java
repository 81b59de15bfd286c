package org.ferry.compute.criu;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferry.model.vnf.Placement;

/** The hosts one {@link CriuContainerVim} runs containers on, by placement. */
final class Sites {

  private final String vim;
  private final Map<Placement, SiteNetwork> byPlacement = new LinkedHashMap<>();

  Sites(String vim, List<SiteNetwork> sites) {
    this.vim = vim;
    for (SiteNetwork site : sites) {
      byPlacement.put(site.placement(), site);
    }
  }

  /** The host at {@code placement}; fails, naming the hosts there are, if there is none. */
  SiteNetwork require(Placement placement) {
    SiteNetwork site = byPlacement.get(placement);
    if (site == null) {
      throw new IllegalArgumentException(vim + " has no host at " + placement + "; it has "
          + byPlacement.keySet());
    }
    return site;
  }

  /** The host at {@code placement}, or null. */
  SiteNetwork get(Placement placement) {
    return byPlacement.get(placement);
  }

  Collection<SiteNetwork> all() {
    return byPlacement.values();
  }
}
