package org.ferry.simulation;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.model.network.Site;
import org.ferry.model.network.SwitchId;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.packet.FlowController;
import org.ferry.seam.packet.FlowRule;
import org.ferry.seam.packet.FlowRuleId;

/** A simulated packet controller: a flow table per top-of-rack switch of the topology. */
public final class SimulatedFlowController implements FlowController {

  private static final String PEER = "simulated flow controller";

  private final SimulatedWorld world;
  private final Map<SwitchId, Map<FlowRuleId, FlowRule>> tables = new HashMap<>();

  SimulatedFlowController(SimulatedWorld world) {
    this.world = world;
    for (Site site : world.topology().sites()) {
      tables.put(site.topOfRack(), new LinkedHashMap<>());
    }
  }

  @Override
  public void install(FlowRule rule) {
    synchronized (this) {
      Map<FlowRuleId, FlowRule> table = tables.get(rule.output().switchId());
      if (table == null) {
        throw new SouthboundException(PEER, "no switch " + rule.output().switchId()
            + "; switches: " + tables.keySet().stream().sorted().toList(), false);
      }
      tables.values().forEach(t -> t.remove(rule.id()));
      table.put(rule.id(), rule);
    }
    world.time().sleep(world.settings().flowModLatency());
    world.flowInstalled(rule);
  }

  @Override
  public void remove(FlowRuleId id) {
    boolean removed;
    synchronized (this) {
      removed = tables.values().stream().anyMatch(t -> t.remove(id) != null);
    }
    if (removed) {
      world.time().sleep(world.settings().flowModLatency());
      world.refresh();
    }
  }

  @Override
  public synchronized List<FlowRule> flows(SwitchId switchId) {
    Map<FlowRuleId, FlowRule> table = tables.get(switchId);
    if (table == null) {
      throw new IllegalArgumentException("unknown switch " + switchId);
    }
    return table.values().stream()
        .sorted(Comparator.comparingInt(FlowRule::priority).reversed())
        .toList();
  }

  /** The highest-priority rule on a switch that steers {@code address}, if any. */
  synchronized Optional<FlowRule> steering(SwitchId switchId, Ipv4Address address) {
    return flows(switchId).stream()
        .filter(r -> r.ipv4Destination().map(address::equals).orElse(false))
        .findFirst();
  }
}
