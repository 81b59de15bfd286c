package org.ferry.seam.packet;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.network.SwitchPort;
import org.ferry.model.vnf.Ipv4Address;

/**
 * One OpenFlow rule: match a VLAN (and optionally an IPv4 destination) and send out of a port.
 *
 * @param id the rule
 * @param output the switch and port to send matching frames to
 * @param priority OpenFlow priority, 0 to 65535; higher wins
 * @param vlan the VLAN id to match, 1 to 4094
 * @param ipv4Destination the destination to match, or empty for any
 */
public record FlowRule(
    FlowRuleId id,
    SwitchPort output,
    int priority,
    int vlan,
    Optional<Ipv4Address> ipv4Destination) {

  public FlowRule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(ipv4Destination, "ipv4Destination");
    if (priority < 0 || priority > 65_535) {
      throw new IllegalArgumentException("flow priority must be 0 to 65535, got " + priority);
    }
    if (vlan < 1 || vlan > 4094) {
      throw new IllegalArgumentException("VLAN id must be 1 to 4094, got " + vlan);
    }
  }
}
