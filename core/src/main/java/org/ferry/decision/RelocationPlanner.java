package org.ferry.decision;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.ferry.model.network.Host;
import org.ferry.model.network.HostId;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/**
 * Decides which VNFs move, and where, so that every SLA holds.
 *
 * <p>The VNFs that miss their SLA move to one other compute site. Moving them can break the SLA
 * of a VNF that stays (the HSS, when its MME leaves), so such VNFs join the move; and a mover can
 * miss its own SLA toward a peer left behind (an HSS moved alone, away from its MME), so such
 * peers are pulled along; until the set is closed. Among the sites where every SLA then holds, the one with the fewest moves wins, then the
 * one with the least total latency toward peers. The user plane moves first, then the control
 * plane, then the subscriber database: UEs are the ones suffering while the SLA is missed.
 */
public final class RelocationPlanner {

  private final SlaEvaluator sla = new SlaEvaluator();

  /**
   * Plans the relocation of {@code mustMove}.
   *
   * @param mustMove the VNFs that miss their SLA where they are
   * @param vnfs every VNF, by id
   * @param topology sites and hosts
   * @param paths what the network offers now
   * @param onlySite if present, the only destination to consider (a planned move)
   * @return a plan, or empty when no compute site satisfies every SLA (or has room)
   */
  public Optional<RelocationPlan> plan(
      Set<VnfId> mustMove,
      Map<VnfId, Vnf> vnfs,
      Topology topology,
      SitePaths paths,
      Optional<SiteId> onlySite) {
    record Candidate(RelocationPlan plan, double latencyMicros) {}
    List<Candidate> feasible = new ArrayList<>();
    for (Site site : topology.sites()) {
      if (site.role() != Site.Role.COMPUTE
          || onlySite.map(s -> !s.equals(site.id())).orElse(false)) {
        continue;
      }
      Optional<Map<VnfId, String>> movers = closeOver(mustMove, site.id(), vnfs, paths);
      if (movers.isEmpty()) {
        continue;
      }
      Optional<RelocationPlan> plan = assignHosts(site, movers.get(), vnfs);
      plan.ifPresent(p -> feasible.add(new Candidate(p, totalLatencyMicros(p, vnfs, paths))));
    }
    return feasible.stream()
        .min(Comparator.<Candidate>comparingInt(c -> c.plan().moves().size())
            .thenComparingDouble(Candidate::latencyMicros))
        .map(Candidate::plan);
  }

  /** The VNFs to move to {@code site} so that every SLA holds, with why; empty if none works. */
  private Optional<Map<VnfId, String>> closeOver(
      Set<VnfId> mustMove, SiteId site, Map<VnfId, Vnf> vnfs, SitePaths paths) {
    Map<VnfId, String> movers = new LinkedHashMap<>();
    Map<VnfId, SiteId> sites = new HashMap<>();
    for (VnfId id : mustMove.stream().sorted().toList()) {
      if (!vnfs.get(id).placement().site().equals(site)) {
        movers.put(id, "misses its SLA where it is");
        sites.put(id, site);
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Vnf vnf : vnfs.values().stream().sorted(Comparator.comparing(Vnf::id)).toList()) {
        List<SlaViolation> missed = sla.violations(vnf, sites, vnfs, paths);
        if (missed.isEmpty()) {
          continue;
        }
        if (!movers.containsKey(vnf.id()) && !vnf.placement().site().equals(site)) {
          movers.put(vnf.id(), "follows its peers: " + missed.getFirst().describe());
          sites.put(vnf.id(), site);
          changed = true;
          continue;
        }
        // At the candidate site and still missing its SLA: only bringing the peers it misses
        // there can help, and only peers that are functions (a RAN site does not move).
        for (SlaViolation violation : missed) {
          if (!(violation.requirement().peer() instanceof Peer.OfVnf peer)
              || movers.containsKey(peer.vnf())
              || vnfs.get(peer.vnf()).placement().site().equals(site)) {
            return Optional.empty();
          }
          movers.put(peer.vnf(), "pulled along by " + violation.describe());
          sites.put(peer.vnf(), site);
          changed = true;
        }
      }
    }
    return Optional.of(movers);
  }

  private static Optional<RelocationPlan> assignHosts(
      Site site, Map<VnfId, String> movers, Map<VnfId, Vnf> vnfs) {
    Map<HostId, int[]> freeCpus = new HashMap<>();
    Map<HostId, DataSize> freeMemory = new HashMap<>();
    for (Host host : site.hosts()) {
      freeCpus.put(host.id(), new int[] {host.vcpus()});
      freeMemory.put(host.id(), host.memory());
    }
    for (Vnf vnf : vnfs.values()) {
      HostId host = vnf.placement().host();
      if (freeCpus.containsKey(host) && !movers.containsKey(vnf.id())) {
        freeCpus.get(host)[0] -= vnf.flavor().vcpus();
        freeMemory.put(host, freeMemory.get(host).minus(vnf.flavor().memory()));
      }
    }
    List<RelocationPlan.Move> moves = new ArrayList<>();
    List<Vnf> ordered =
        movers.keySet().stream()
            .map(vnfs::get)
            .sorted(Comparator.comparingInt((Vnf v) -> v.kind().moveOrder()).thenComparing(Vnf::id))
            .toList();
    for (Vnf vnf : ordered) {
      Optional<Host> host =
          site.hosts().stream()
              .filter(h -> freeCpus.get(h.id())[0] >= vnf.flavor().vcpus()
                  && freeMemory.get(h.id()).compareTo(vnf.flavor().memory()) >= 0)
              .findFirst();
      if (host.isEmpty()) {
        return Optional.empty();
      }
      HostId chosen = host.get().id();
      freeCpus.get(chosen)[0] -= vnf.flavor().vcpus();
      freeMemory.put(chosen, freeMemory.get(chosen).minus(vnf.flavor().memory()));
      moves.add(new RelocationPlan.Move(vnf, new Placement(site.id(), chosen),
          movers.get(vnf.id())));
    }
    return Optional.of(new RelocationPlan(site.id(), moves));
  }

  private static double totalLatencyMicros(
      RelocationPlan plan, Map<VnfId, Vnf> vnfs, SitePaths paths) {
    Map<VnfId, SiteId> sites =
        plan.moves().stream()
            .collect(Collectors.toMap(m -> m.vnf().id(), m -> m.to().site()));
    double total = 0;
    for (Vnf vnf : vnfs.values()) {
      SiteId here = SlaEvaluator.siteOf(vnf.id(), sites, vnfs);
      for (var requirement : vnf.sla()) {
        SiteId there = SlaEvaluator.peerSite(requirement.peer(), sites, vnfs);
        total += paths.tenant(here, there).map(p -> p.oneWayLatency().toNanos() / 1e3)
            .orElse(1e9);
      }
    }
    return total;
  }
}
