package org.ferry.compute.epc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.SwitchId;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.compute.Vim;
import org.ferry.seam.packet.FlowController;
import org.ferry.seam.packet.FlowRule;
import org.ferry.seam.packet.FlowRuleId;
import org.ferry.testbed.net.CommandRunner;
import org.ferry.testbed.net.PingProbe;
import org.ferry.testbed.net.TestbedLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packet layer of the testbed. The sites share one L2 segment across the lightpath link, so a
 * moved function keeps its address and answers wherever it runs; what the backhaul repoint
 * changes for real is where the RAN is plugged in. The RAN's veth ({@code ran-a}, the mobile
 * backhaul's port) sits on site A's bridge; a backhaul rule for the user-plane function's
 * address moves that port into the namespace of the site where the function runs now and onto
 * its bridge ({@code ip link set ran-a netns SITE}), so that UE traffic enters at that site
 * instead of crossing the lightpath. Other rules are kept, as a switch would, and listed.
 */
public final class TestbedBackhaul implements FlowController {

  private static final Logger LOG = LoggerFactory.getLogger(TestbedBackhaul.class);
  private static final String PORT = "ran-a";

  private final TestbedLayout layout;
  private final Map<Ipv4Address, VnfId> userPlane;
  private final Vim vim;
  private final CommandRunner run = CommandRunner.withDefaultTimeout();
  private final Map<FlowRuleId, FlowRule> rules = new LinkedHashMap<>();
  private SiteId ranAt = TestbedLayout.SITE_A;

  /**
   * @param userPlane the user-plane functions' addresses (the RAN's port follows them)
   * @param vim where to ask where a function runs
   */
  public TestbedBackhaul(TestbedLayout layout, Map<Ipv4Address, VnfId> userPlane, Vim vim) {
    this.layout = Objects.requireNonNull(layout, "layout");
    this.userPlane = Map.copyOf(userPlane);
    this.vim = Objects.requireNonNull(vim, "vim");
  }

  @Override
  public synchronized void install(FlowRule rule) {
    rules.put(rule.id(), rule);
    if (rule.ipv4Destination().isEmpty()) {
      return;
    }
    VnfId vnf = userPlane.get(rule.ipv4Destination().get());
    if (vnf == null) {
      return;
    }
    SiteId site = vim.locate(vnf).orElseThrow(() -> new SouthboundException("testbed backhaul",
        vnf + " runs nowhere; cannot steer " + rule.ipv4Destination().get() + " to it", false))
        .site();
    moveRanPort(site);
  }

  /** Where the RAN's backhaul port is plugged in now. */
  public synchronized SiteId ranAt() {
    return ranAt;
  }

  private void moveRanPort(SiteId to) {
    if (to.equals(ranAt)) {
      return;
    }
    TestbedLayout.SiteNet from = layout.site(ranAt);
    TestbedLayout.SiteNet dest = layout.site(to);
    try {
      run.run("ip", "-n", from.namespace(), "link", "set", PORT, "netns", dest.namespace());
      run.run("ip", "-n", dest.namespace(), "link", "set", PORT, "master", dest.bridge(), "up");
    } catch (RuntimeException e) {
      throw new SouthboundException("testbed backhaul", "cannot move the RAN's port from "
          + ranAt + " to " + to + ": " + e.getMessage(), false, e);
    }
    // The port's carrier dropped while it moved, which leaves the RAN's neighbour entries
    // incomplete until ARP retries a second later: flush them, and ask for each user-plane
    // function's address at once (its ARP request also refreshes the function's entry for the
    // RAN), as a switch port coming up would be followed by fresh resolution.
    run.attempt(List.of("ip", "-n", layout.ranNamespace(), "neigh", "flush", "dev", "ran0"));
    for (Ipv4Address address : userPlane.keySet()) {
      PingProbe.answersOnce(layout.ranNamespace(), address.toString());
    }
    LOG.info("RAN backhaul port moved from {} to {}", ranAt, to);
    ranAt = to;
  }

  @Override
  public synchronized void remove(FlowRuleId id) {
    rules.remove(id);
  }

  @Override
  public synchronized List<FlowRule> flows(SwitchId switchId) {
    return rules.values().stream().filter(r -> r.output().switchId().equals(switchId)).toList();
  }
}
