package org.ferry.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import org.ferry.model.network.HostId;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfKind;

/**
 * The user's network as an inventory file describes it, validated as a whole: every reference
 * points at something declared, every id is unique. Immutable.
 *
 * @param name what the file calls the network, for reports
 * @param topology sites, hosts, ToR switches, ROADMs, fibres and xponders
 * @param drivers the VIM driver of each host
 * @param optical the optical controller the lightpaths are under
 * @param lightpaths the lightpaths in service at start
 * @param backhaul per RAN site, the lightpaths that carry its backhaul
 * @param kinds the VNF kinds known to the file: the shipped ones and those it declares
 * @param vnfs the functions, where they run and what they need
 */
public record Inventory(
    String name,
    Topology topology,
    Map<HostId, VimDriver> drivers,
    OpticalControllerSpec optical,
    List<LightpathSpec> lightpaths,
    Map<SiteId, List<LightpathId>> backhaul,
    List<VnfKind> kinds,
    List<Vnf> vnfs) {

  public Inventory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(topology, "topology");
    Objects.requireNonNull(optical, "optical");
    drivers = Map.copyOf(drivers);
    lightpaths = List.copyOf(lightpaths);
    backhaul = Map.copyOf(backhaul);
    kinds = List.copyOf(kinds);
    vnfs = List.copyOf(vnfs);
  }

  /** The same network with each VNF changed by {@code change} (the CLI's overrides). */
  public Inventory withEachVnf(UnaryOperator<Vnf> change) {
    return new Inventory(name, topology, drivers, optical, lightpaths, backhaul, kinds,
        vnfs.stream().map(change).toList());
  }

  /** The same network on another topology (the reference setting's variations). */
  public Inventory withTopology(Topology newTopology) {
    return new Inventory(name, newTopology, drivers, optical, lightpaths, backhaul, kinds, vnfs);
  }

  /** The same network with each lightpath changed by {@code change}. */
  public Inventory withEachLightpath(UnaryOperator<LightpathSpec> change) {
    return new Inventory(name, topology, drivers, optical,
        lightpaths.stream().map(change).toList(), backhaul, kinds, vnfs);
  }
}
