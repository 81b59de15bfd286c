package org.ferry.model.network;

import java.util.Objects;

/**
 * A transponder or switchponder: its line side drops into a ROADM's SRG, its client side plugs
 * into a port of the site's top-of-rack switch.
 *
 * @param id the xponder
 * @param site where it stands
 * @param roadm the ROADM it adds and drops through
 * @param kind its class (rates, which network it serves)
 * @param clientPort the top-of-rack switch port its client side plugs into
 */
public record Transponder(
    TransponderId id, SiteId site, NodeId roadm, TransponderClass kind, SwitchPort clientPort) {

  public Transponder {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(roadm, "roadm");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(clientPort, "clientPort");
  }
}
