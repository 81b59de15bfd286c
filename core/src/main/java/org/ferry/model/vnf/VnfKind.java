package org.ferry.model.vnf;

import org.ferry.model.Names;

/** The functions of the 4G Evolved Packet Core that Ferry protects. */
public enum VnfKind {
  /** Home Subscriber Server: the subscriber database; S6a (Diameter over TCP) to the MME. */
  HSS,
  /** Mobility Management Entity: UE contexts; S1-MME to the gNB, S6a to HSS, GTP-C to SPGW. */
  MME,
  /** Serving and Packet Gateway: the user plane, GTP-U tunnels per UE, NAT toward the Internet. */
  SPGW;

  /** Parses "HSS", "mme", ... with an error that lists the kinds. */
  public static VnfKind parse(String text) {
    return Names.parse(VnfKind.class, text, "VNF kind", Enum::name);
  }

  /** Whether attached UEs' user-plane traffic runs through this function. */
  public boolean carriesUserPlane() {
    return this == SPGW;
  }
}
