package org.ferry.inventory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.network.Host;
import org.ferry.model.network.HostId;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;

/**
 * Reads the {@code vnfs}: kind, packaging, size, placement, address, backhaul interface, and
 * their peers with SLAs. Peers are resolved once every VNF is read, so a VNF may name one
 * declared after it.
 */
final class VnfReader {

  private record Draft(Node node, VnfId id, Vnf partial) {}

  private final NetworkReader network;
  private final ServiceReader services;
  private final Declared<VnfId, Draft> vnfs = new Declared<>("VNF");
  /**
   * Every VNF id the file names, read whole or not: a peer naming a VNF that has another error
   * is not reported again as dangling.
   */
  private final Set<VnfId> named = new LinkedHashSet<>();

  VnfReader(NetworkReader network, ServiceReader services) {
    this.network = network;
    this.services = services;
  }

  /** The VNFs, with their SLAs; in document order. */
  List<Vnf> read(Node root) {
    root.list("vnfs", false).forEach(this::vnf);
    checkCapacity();
    List<Vnf> out = new ArrayList<>();
    for (Draft d : vnfs.all().values()) {
      List<SlaRequirement> sla = new ArrayList<>();
      for (Node p : d.node().list("peers", false)) {
        peer(p, d.id()).ifPresent(sla::add);
      }
      Vnf v = d.partial();
      out.add(new Vnf(v.id(), v.kind(), v.virtualization(), v.flavor(), v.placement(),
          v.address(), v.backhaul(), sla));
    }
    return out;
  }

  private void vnf(Node n) {
    if (!n.object(Set.of("id", "kind", "virtualization", "flavor", "vcpus", "memory-mib",
        "placement", "address", "interface", "peers"))) {
      return;
    }
    Optional<VnfId> id = n.value("id", true, VnfId::of);
    id.ifPresent(named::add);
    Optional<VnfKind> kind = n.value("kind", true, k -> VnfKind.parse(k, services.kinds));
    Virtualization virtualization =
        n.value("virtualization", false, Virtualization::parse).orElse(Virtualization.VM);
    Optional<Flavor> flavor = flavor(n);
    Optional<Placement> placement = placement(n.field("placement"));
    Optional<Ipv4Address> address = n.value("address", true, Ipv4Address::of);
    BackhaulInterface backhaul = n.value("interface", false, BackhaulInterface::parse)
        .orElse(BackhaulInterface.FLOATING_IP);
    if (id.isEmpty() || kind.isEmpty() || flavor.isEmpty() || placement.isEmpty()
        || address.isEmpty()) {
      return;
    }
    for (Draft other : vnfs.all().values()) {
      if (other.partial().address().equals(address.get())) {
        n.field("address").error("address " + address.get() + " is already VNF '"
            + other.id() + "''s; each VNF has its own tenant address");
        return;
      }
    }
    Vnf partial = new Vnf(id.get(), kind.get(), virtualization, flavor.get(), placement.get(),
        address.get(), backhaul, List.of());
    vnfs.declare(id.get(), new Draft(n, id.get(), partial), n);
  }

  /** A named flavor, or an explicit size; one of the two. */
  private Optional<Flavor> flavor(Node n) {
    boolean named = n.has("flavor");
    boolean sized = n.has("vcpus") || n.has("memory-mib");
    if (named && sized) {
      n.field("flavor").error("give a flavor name or an explicit size (vcpus and memory-mib),"
          + " not both");
      return Optional.empty();
    }
    if (named) {
      return n.value("flavor", true, Flavor::parse);
    }
    if (!sized) {
      return Optional.of(Flavor.SMALL);
    }
    Optional<Integer> vcpus = n.integer("vcpus", true, 1);
    Optional<Integer> memory = n.integer("memory-mib", true, 1);
    if (vcpus.isEmpty() || memory.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(Flavor.of(vcpus.get(), DataSize.ofMebibytes(memory.get())));
  }

  private Optional<Placement> placement(Node n) {
    if (!n.object(Set.of("site", "host"))) {
      return Optional.empty();
    }
    Optional<SiteId> site = n.value("site", true, SiteId::of);
    Optional<HostId> host = n.value("host", true, HostId::of);
    if (site.isEmpty() || host.isEmpty()) {
      return Optional.empty();
    }
    Optional<NetworkReader.SiteDraft> s = network.sites.resolve(site.get(), n, "site");
    Optional<Host> h = network.hosts.resolve(host.get(), n, "host");
    if (s.isEmpty() || h.isEmpty()) {
      return Optional.empty();
    }
    if (s.get().role() != Site.Role.COMPUTE) {
      n.field("site").error("site '" + site.get() + "' is a RAN site; VNFs run at compute"
          + " sites");
      return Optional.empty();
    }
    if (!h.get().site().equals(site.get())) {
      n.field("host").error("host '" + host.get() + "' stands at " + h.get().site() + ", not at "
          + site.get() + "; set site: " + h.get().site() + " or pick a host of " + site.get());
      return Optional.empty();
    }
    return Optional.of(new Placement(site.get(), host.get()));
  }

  private void checkCapacity() {
    Map<HostId, int[]> cpus = new HashMap<>();
    Map<HostId, Long> memory = new HashMap<>();
    Map<HostId, List<String>> on = new LinkedHashMap<>();
    for (Draft d : vnfs.all().values()) {
      HostId host = d.partial().placement().host();
      Flavor f = d.partial().flavor();
      cpus.computeIfAbsent(host, h -> new int[1])[0] += f.vcpus();
      memory.merge(host, f.memory().bytes(), Long::sum);
      on.computeIfAbsent(host, h -> new ArrayList<>()).add(d.id().value());
    }
    on.forEach((hostId, names) -> network.hosts.get(hostId).ifPresent(host -> {
      if (cpus.get(hostId)[0] > host.vcpus()
          || memory.get(hostId) > host.memory().bytes()) {
        Draft last = vnfs.get(VnfId.of(names.get(names.size() - 1))).orElseThrow();
        last.node().field("placement").error("host '" + hostId + "' has " + host.vcpus()
            + " vCPUs and " + host.memory().bytes() / (1 << 20) + " MiB, but " + names
            + " need " + cpus.get(hostId)[0] + " vCPUs and " + memory.get(hostId) / (1 << 20)
            + " MiB; move one to another host or give the host more");
      }
    }));
  }

  private Optional<SlaRequirement> peer(Node n, VnfId self) {
    if (!n.object(Set.of("peer", "min-bandwidth-mbps", "max-latency-ms", "max-latency-us"))) {
      return Optional.empty();
    }
    Optional<String> name = n.text("peer", true);
    Optional<Double> mbps = n.number("min-bandwidth-mbps", true, 0, true);
    boolean ms = n.has("max-latency-ms");
    boolean us = n.has("max-latency-us");
    Optional<Duration> latency = Optional.empty();
    if (ms && us) {
      n.field("max-latency-us").error("give max-latency-ms or max-latency-us, not both");
    } else if (!ms && !us) {
      n.field("max-latency-ms").error("required (or max-latency-us): the most one-way latency"
          + " toward the peer");
    } else {
      latency = n.number(ms ? "max-latency-ms" : "max-latency-us", true, 0, true)
          .map(v -> Duration.ofNanos(Math.round(v * (ms ? 1_000_000 : 1_000))));
    }
    Optional<Peer> peer = name.flatMap(p -> resolvePeer(n, p, self));
    if (peer.isEmpty() || mbps.isEmpty() || latency.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SlaRequirement(peer.get(), DataRate.ofMbps(mbps.get()),
        latency.get()));
  }

  private Optional<Peer> resolvePeer(Node n, String name, VnfId self) {
    if (name.equals(self.value())) {
      n.field("peer").error("a VNF is not its own peer; name another VNF or a site");
      return Optional.empty();
    }
    Optional<Peer> peer = named.stream().filter(v -> v.value().equals(name)).findFirst()
        .map(Peer::vnf)
        .or(() -> network.sites.ids().stream().filter(s -> s.value().equals(name)).findFirst()
            .map(Peer::site));
    if (peer.isEmpty()) {
      n.field("peer").error("refers to '" + name + "', which is neither a VNF nor a site;"
          + " VNFs: " + String.join(", ", named.stream().map(VnfId::value).toList())
          + "; sites: " + network.sites.keys());
    }
    return peer;
  }
}
