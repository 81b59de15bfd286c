package org.ferry.model.vnf;

import java.time.Duration;
import org.ferry.model.Names;

/**
 * How the RAN reaches a VNF's tenant address. This decides what must reconnect after a move.
 */
public enum BackhaulInterface {
  /**
   * Through an OpenVPN tunnel (UDP), needed when the VIM's network blocks SCTP; after a move the
   * tunnel itself must reconnect, which takes about 8 s in the reference.
   */
  OPENVPN(Duration.ofSeconds(8)),
  /**
   * Through a floating IP that the VIM re-associates with the VNF at its new host; no tunnel to
   * rebuild, only the address's new binding to learn (about 0.5 s, an estimate).
   */
  FLOATING_IP(Duration.ofMillis(500));

  private final Duration typicalReconnect;

  BackhaulInterface(Duration typicalReconnect) {
    this.typicalReconnect = typicalReconnect;
  }

  /**
   * How long the interface takes to carry traffic again once the backhaul points at the VNF's new
   * site: OpenVPN's reconnection (about 8 s in the reference study), a floating IP's
   * re-association. The twin plays this out by default and the models predict with it.
   */
  public Duration typicalReconnect() {
    return typicalReconnect;
  }

  public static BackhaulInterface parse(String text) {
    return Names.parse(BackhaulInterface.class, text, "interface", Names::kebab);
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
