package org.ferry.seam.packet;

import java.util.List;
import org.ferry.model.network.SwitchId;

/**
 * The packet layer: OpenFlow rules on the sites' top-of-rack switches, which steer management and
 * tenant traffic to the right xponder. An OpenDaylight or ONOS controller in a live deployment.
 *
 * <p>Implementations are thread-safe; {@link #install} and {@link #remove} return once the switch
 * has the change (a barrier, in OpenFlow terms).
 */
public interface FlowController {

  /** Installs a rule, replacing any rule with the same id. */
  void install(FlowRule rule);

  /** Removes a rule; removing one that is not there does nothing. */
  void remove(FlowRuleId id);

  /** The rules on one switch, highest priority first. */
  List<FlowRule> flows(SwitchId switchId);
}
