package org.ferry.model.vnf;

import org.ferry.model.Names;

/**
 * How the RAN reaches a VNF's tenant address. This decides what must reconnect after a move.
 */
public enum BackhaulInterface {
  /**
   * Through an OpenVPN tunnel (UDP), needed when the VIM's network blocks SCTP; after a move the
   * tunnel itself must reconnect, which takes about 8 s in the reference.
   */
  OPENVPN,
  /** Through a floating IP that the VIM re-associates with the VNF at its new host. */
  FLOATING_IP;

  public static BackhaulInterface parse(String text) {
    return Names.parse(BackhaulInterface.class, text, "interface", Names::kebab);
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
