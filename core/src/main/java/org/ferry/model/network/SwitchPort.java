package org.ferry.model.network;

import java.util.Objects;

/**
 * A port of an OpenFlow switch.
 *
 * @param switchId the switch
 * @param port the OpenFlow port number, 1 or more
 */
public record SwitchPort(SwitchId switchId, int port) {

  public SwitchPort {
    Objects.requireNonNull(switchId, "switchId");
    if (port < 1) {
      throw new IllegalArgumentException("OpenFlow port number must be 1 or more, got " + port);
    }
  }

  @Override
  public String toString() {
    return switchId + ":" + port;
  }
}
