package org.ferry.model.vnf;

import java.util.List;
import java.util.Objects;

/**
 * A virtualized network function instance and what it needs.
 *
 * @param id the instance
 * @param kind which EPC function it is
 * @param virtualization VM or container
 * @param flavor its compute size
 * @param placement where it runs now
 * @param address its tenant address, which the backhaul steers toward it
 * @param backhaul how the RAN reaches it
 * @param sla what it needs from the network toward each peer
 */
public record Vnf(
    VnfId id,
    VnfKind kind,
    Virtualization virtualization,
    Flavor flavor,
    Placement placement,
    Ipv4Address address,
    BackhaulInterface backhaul,
    List<SlaRequirement> sla) {

  public Vnf {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(virtualization, "virtualization");
    Objects.requireNonNull(flavor, "flavor");
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(backhaul, "backhaul");
    sla = List.copyOf(sla);
  }

  public Vnf withPlacement(Placement newPlacement) {
    return new Vnf(id, kind, virtualization, flavor, newPlacement, address, backhaul, sla);
  }

  public Vnf withVirtualization(Virtualization newVirtualization) {
    return new Vnf(id, kind, newVirtualization, flavor, placement, address, backhaul, sla);
  }

  public Vnf withFlavor(Flavor newFlavor) {
    return new Vnf(id, kind, virtualization, newFlavor, placement, address, backhaul, sla);
  }

  public Vnf withBackhaul(BackhaulInterface newBackhaul) {
    return new Vnf(id, kind, virtualization, flavor, placement, address, newBackhaul, sla);
  }

  public Vnf withSla(List<SlaRequirement> newSla) {
    return new Vnf(id, kind, virtualization, flavor, placement, address, backhaul, newSla);
  }
}
