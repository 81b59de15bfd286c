package org.ferry.model.vnf;

import java.util.Objects;
import org.ferry.model.network.SiteId;

/** The far end of an SLA: another VNF (wherever it runs) or a fixed site such as the RAN. */
public sealed interface Peer {

  /** Another VNF; the SLA follows it when it moves. */
  record OfVnf(VnfId vnf) implements Peer {
    public OfVnf {
      Objects.requireNonNull(vnf, "vnf");
    }

    @Override
    public String toString() {
      return vnf.value();
    }
  }

  /** A site that does not move, such as the cell site of the gNB. */
  record AtSite(SiteId site) implements Peer {
    public AtSite {
      Objects.requireNonNull(site, "site");
    }

    @Override
    public String toString() {
      return site.value();
    }
  }

  static Peer vnf(VnfId id) {
    return new OfVnf(id);
  }

  static Peer site(SiteId id) {
    return new AtSite(id);
  }
}
