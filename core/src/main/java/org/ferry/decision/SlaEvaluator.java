package org.ferry.decision;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.NetworkPath;

/** Checks VNFs' SLAs against what the network offers between their sites. */
public final class SlaEvaluator {

  /**
   * The requirements {@code vnf} misses if the VNFs stand at the sites in {@code sites}.
   *
   * @param vnf the VNF to check; its own site is read from {@code sites}
   * @param sites where every VNF stands (the plan under test); VNFs not in it stand where their
   *     placement says
   * @param vnfs every VNF, to resolve peers
   * @param paths what the network offers
   */
  public List<SlaViolation> violations(
      Vnf vnf, Map<VnfId, SiteId> sites, Map<VnfId, Vnf> vnfs, SitePaths paths) {
    SiteId here = siteOf(vnf.id(), sites, vnfs);
    List<SlaViolation> missed = new ArrayList<>();
    for (SlaRequirement requirement : vnf.sla()) {
      SiteId there = peerSite(requirement.peer(), sites, vnfs);
      Optional<NetworkPath> offered = paths.tenant(here, there);
      if (offered.isEmpty() || !meets(offered.get(), requirement)) {
        missed.add(new SlaViolation(vnf.id(), requirement, offered));
      }
    }
    return missed;
  }

  private static boolean meets(NetworkPath path, SlaRequirement requirement) {
    return path.oneWayLatency().compareTo(requirement.maxLatency()) <= 0
        && path.rate().compareTo(requirement.minBandwidth()) >= 0;
  }

  /** Where a peer stands: its site, or, for a VNF, as {@link #siteOf} says. */
  static SiteId peerSite(Peer peer, Map<VnfId, SiteId> sites, Map<VnfId, Vnf> vnfs) {
    return switch (peer) {
      case Peer.AtSite atSite -> atSite.site();
      case Peer.OfVnf ofVnf -> siteOf(ofVnf.vnf(), sites, vnfs);
    };
  }

  /** Where a VNF stands: in {@code sites} if the plan under test moves it, else its placement. */
  static SiteId siteOf(VnfId id, Map<VnfId, SiteId> sites, Map<VnfId, Vnf> vnfs) {
    SiteId site = sites.get(id);
    if (site != null) {
      return site;
    }
    Vnf vnf = vnfs.get(id);
    if (vnf == null) {
      throw new IllegalArgumentException("SLA names unknown peer VNF " + id);
    }
    return vnf.placement().site();
  }
}
