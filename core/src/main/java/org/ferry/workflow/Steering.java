package org.ferry.workflow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.decision.SitePaths;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.network.TransponderClass.NetworkRole;
import org.ferry.model.network.TransponderId;
import org.ferry.model.vnf.Vnf;
import org.ferry.seam.packet.FlowRule;
import org.ferry.seam.packet.FlowRuleId;

/**
 * The OpenFlow rules the workflows install: management traffic onto a temporary lightpath, and a
 * VNF's tenant traffic toward its new site. Each rule sends frames to the top-of-rack port that a
 * lightpath's xponder plugs into.
 */
public final class Steering {

  /** Above the sites' standing rules, so that a workflow's rule wins while it is in place. */
  static final int MANAGEMENT_PRIORITY = 50_000;

  static final int BACKHAUL_PRIORITY = 40_000;

  private final Topology topology;
  private final WorkflowSettings settings;

  public Steering(Topology topology, WorkflowSettings settings) {
    this.topology = topology;
    this.settings = settings;
  }

  /** At each end of {@code temporary}: all management frames into its xponder. */
  public List<FlowRule> managementOnto(String runId, Lightpath temporary) {
    List<FlowRule> rules = new ArrayList<>();
    for (Lightpath.End end : List.of(temporary.aEnd(), temporary.zEnd())) {
      rules.add(
          new FlowRule(
              FlowRuleId.of("mgmt-" + runId + "-" + end.site()),
              topology.transponder(end.xponder()).clientPort(),
              MANAGEMENT_PRIORITY,
              settings.managementVlan(),
              Optional.empty()));
    }
    return rules;
  }

  /**
   * At every other site with a tenant lightpath to {@code destination}: frames for the VNF's
   * address into that lightpath. The rule ids are per VNF and site, so a later move replaces them.
   */
  public List<FlowRule> backhaulTo(Vnf vnf, SiteId destination, SitePaths paths) {
    List<FlowRule> rules = new ArrayList<>();
    for (Site site : topology.sites()) {
      if (site.id().equals(destination)) {
        continue;
      }
      Optional<Lightpath> lightpath = paths.best(site.id(), destination, NetworkRole.TENANT);
      if (lightpath.isEmpty()) {
        continue;
      }
      Lightpath lp = lightpath.get();
      TransponderId local =
          lp.aEnd().site().equals(site.id()) ? lp.aEnd().xponder() : lp.zEnd().xponder();
      rules.add(
          new FlowRule(
              FlowRuleId.of("bh-" + vnf.id() + "-" + site.id()),
              topology.transponder(local).clientPort(),
              BACKHAUL_PRIORITY,
              settings.tenantVlan(),
              Optional.of(vnf.address())));
    }
    return rules;
  }
}
