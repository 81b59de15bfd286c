package org.ferry.decision;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ferry.model.network.Host;
import org.ferry.model.network.HostId;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/**
 * Decides which VNFs move, and where, so that every SLA holds.
 *
 * <p>The VNFs that miss their SLA fall into groups joined by SLAs between them (an EPC's HSS,
 * MME and SPGW are one group); groups share no SLA, so each is placed on its own, the largest
 * first. A group moves to one compute site. Moving it can break the SLA of a VNF that stays (the
 * HSS, when its MME leaves), so such VNFs join the move; and a mover can miss its own SLA toward a
 * peer left behind (an HSS moved alone, away from its MME), so such peers are pulled along; until
 * the set is closed. Among the sites where every SLA then holds and the hosts have room, the one
 * with the fewest moves wins, then the one with the least total latency toward peers. The user
 * plane moves first, then the control plane, then the subscriber database: UEs are the ones
 * suffering while the SLA is missed.
 *
 * <p>Only VNFs whose peers move are checked again, so a plan costs in proportion to the VNFs
 * that move and their peers, not to the whole inventory. Not thread-safe: one planner per plan.
 */
public final class RelocationPlanner {

  private final SlaEvaluator sla = new SlaEvaluator();

  /** Why the VNFs a plan starts from must move: the reason each of their moves gives. */
  public enum Cause {
    /** A fault: they miss their SLA where they are. */
    SLA_MISSED("misses its SLA where it is"),
    /** A planned move: the operator asked for them. */
    REQUESTED("requested");

    private final String reason;

    Cause(String reason) {
      this.reason = reason;
    }

    /** The reason written on the move, as in {@link RelocationPlan.Move#reason()}. */
    public String reason() {
      return reason;
    }
  }

  /**
   * Plans the relocation of {@code mustMove}.
   *
   * @param mustMove the VNFs that must move: they miss their SLA where they are, or were asked for
   * @param vnfs every VNF, by id
   * @param topology sites and hosts
   * @param paths what the network offers now
   * @param onlySite if present, the only destination to consider (a planned move)
   * @param cause why {@code mustMove} must move, given as the reason of their moves (those that
   *     follow or are pulled along give their own)
   * @return a plan, or empty when no VNF can be placed; VNFs of a group that fits no site are
   *     listed in {@link RelocationPlan#unplaced()}
   */
  public Optional<RelocationPlan> plan(
      Set<VnfId> mustMove,
      Map<VnfId, Vnf> vnfs,
      Topology topology,
      SitePaths paths,
      Optional<SiteId> onlySite,
      Cause cause) {
    Map<VnfId, List<Vnf>> dependents = dependents(vnfs);
    Capacity capacity = new Capacity(topology, vnfs);
    List<RelocationPlan.Move> moves = new ArrayList<>();
    Map<VnfId, String> unplaced = new TreeMap<>();
    for (Set<VnfId> group : groups(mustMove, vnfs, dependents)) {
      Optional<List<RelocationPlan.Move>> placed =
          placeGroup(group, vnfs, dependents, topology, paths, onlySite, cause, capacity);
      if (placed.isPresent()) {
        moves.addAll(placed.get());
      } else {
        group.forEach(id -> unplaced.put(id, "no compute site"
            + onlySite.map(s -> " (only " + s + " considered)").orElse("")
            + " has room for " + group + " and meets every SLA with them there"));
      }
    }
    if (moves.isEmpty()) {
      return Optional.empty();
    }
    moves.sort(Comparator.comparingInt((RelocationPlan.Move m) -> m.vnf().kind().moveOrder())
        .thenComparing(m -> m.vnf().id()));
    return Optional.of(new RelocationPlan(moves, unplaced));
  }

  /** Places one group at the best site that takes it, and books the room it takes there. */
  private Optional<List<RelocationPlan.Move>> placeGroup(
      Set<VnfId> group,
      Map<VnfId, Vnf> vnfs,
      Map<VnfId, List<Vnf>> dependents,
      Topology topology,
      SitePaths paths,
      Optional<SiteId> onlySite,
      Cause cause,
      Capacity capacity) {
    record Candidate(List<RelocationPlan.Move> moves, double latencyMicros) {}
    Optional<Candidate> best = Optional.empty();
    for (Site site : topology.sites()) {
      if (site.role() != Site.Role.COMPUTE
          || onlySite.map(s -> !s.equals(site.id())).orElse(false)) {
        continue;
      }
      Optional<Map<VnfId, String>> movers = closeOver(group, site.id(), vnfs, dependents, paths,
          cause);
      if (movers.isEmpty() || movers.get().isEmpty()) {
        continue;
      }
      Optional<List<RelocationPlan.Move>> moves = capacity.tryFit(site, movers.get(), vnfs);
      if (moves.isEmpty()) {
        continue;
      }
      Candidate candidate = new Candidate(moves.get(),
          totalLatencyMicros(moves.get(), vnfs, dependents, paths));
      if (best.isEmpty() || candidate.moves().size() < best.get().moves().size()
          || (candidate.moves().size() == best.get().moves().size()
              && candidate.latencyMicros() < best.get().latencyMicros())) {
        best = Optional.of(candidate);
      }
    }
    best.ifPresent(c -> capacity.book(c.moves(), vnfs));
    return best.map(Candidate::moves);
  }

  /**
   * The VNFs to move to {@code site} so that every SLA holds, with why; empty if none works.
   * Only a VNF that moves, or whose peer moves, can change its standing, so only those are
   * checked again.
   */
  private Optional<Map<VnfId, String>> closeOver(
      Set<VnfId> mustMove, SiteId site, Map<VnfId, Vnf> vnfs, Map<VnfId, List<Vnf>> dependents,
      SitePaths paths, Cause cause) {
    Map<VnfId, String> movers = new LinkedHashMap<>();
    Map<VnfId, SiteId> sites = new HashMap<>();
    // Checked in id order, as a reader of the inventory would go through it.
    TreeSet<VnfId> toCheck = new TreeSet<>();
    for (VnfId id : new TreeSet<>(mustMove)) {
      if (!vnfs.get(id).placement().site().equals(site)) {
        movers.put(id, cause.reason());
        sites.put(id, site);
      }
      toCheck.add(id);
    }
    for (VnfId id : movers.keySet()) {
      dependents.getOrDefault(id, List.of()).forEach(d -> toCheck.add(d.id()));
    }
    while (!toCheck.isEmpty()) {
      Vnf vnf = vnfs.get(toCheck.pollFirst());
      List<SlaViolation> missed = sla.violations(vnf, sites, vnfs, paths);
      if (missed.isEmpty()) {
        continue;
      }
      if (!movers.containsKey(vnf.id()) && !vnf.placement().site().equals(site)) {
        movers.put(vnf.id(), "follows its peers: " + missed.getFirst().describe());
        sites.put(vnf.id(), site);
        moved(vnf.id(), toCheck, dependents);
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
        moved(peer.vnf(), toCheck, dependents);
      }
    }
    return Optional.of(movers);
  }

  /** A VNF joined the move: it and every VNF with an SLA toward it must be checked again. */
  private static void moved(VnfId id, Set<VnfId> toCheck, Map<VnfId, List<Vnf>> dependents) {
    toCheck.add(id);
    dependents.getOrDefault(id, List.of()).forEach(d -> toCheck.add(d.id()));
  }

  /** For each VNF, the VNFs that have an SLA toward it. */
  private static Map<VnfId, List<Vnf>> dependents(Map<VnfId, Vnf> vnfs) {
    Map<VnfId, List<Vnf>> dependents = new HashMap<>();
    for (Vnf vnf : vnfs.values()) {
      for (SlaRequirement requirement : vnf.sla()) {
        if (requirement.peer() instanceof Peer.OfVnf peer) {
          dependents.computeIfAbsent(peer.vnf(), k -> new ArrayList<>()).add(vnf);
        }
      }
    }
    return dependents;
  }

  /**
   * {@code mustMove} split into groups joined by SLAs (either way, through any VNF), largest
   * first, then by their first id: groups that share no SLA can go to different sites.
   */
  private static List<Set<VnfId>> groups(
      Set<VnfId> mustMove, Map<VnfId, Vnf> vnfs, Map<VnfId, List<Vnf>> dependents) {
    Map<VnfId, Integer> component = new HashMap<>();
    List<Set<VnfId>> groups = new ArrayList<>();
    for (VnfId start : new TreeSet<>(mustMove)) {
      if (component.containsKey(start)) {
        groups.get(component.get(start)).add(start);
        continue;
      }
      int index = groups.size();
      Set<VnfId> group = new TreeSet<>();
      groups.add(group);
      Deque<VnfId> todo = new ArrayDeque<>(List.of(start));
      Set<VnfId> seen = new HashSet<>();
      while (!todo.isEmpty()) {
        VnfId id = todo.poll();
        if (!seen.add(id)) {
          continue;
        }
        component.put(id, index);
        if (mustMove.contains(id)) {
          group.add(id);
        }
        Vnf vnf = vnfs.get(id);
        if (vnf == null) {
          throw new IllegalArgumentException("SLA names unknown peer VNF " + id);
        }
        for (SlaRequirement requirement : vnf.sla()) {
          if (requirement.peer() instanceof Peer.OfVnf peer) {
            todo.add(peer.vnf());
          }
        }
        dependents.getOrDefault(id, List.of()).forEach(d -> todo.add(d.id()));
      }
    }
    groups.sort(Comparator.comparingInt((Set<VnfId> g) -> -g.size())
        .thenComparing(g -> g.iterator().next()));
    return groups;
  }

  /** The latency toward peers of the movers and of the VNFs with SLAs toward them. */
  private static double totalLatencyMicros(List<RelocationPlan.Move> moves,
      Map<VnfId, Vnf> vnfs, Map<VnfId, List<Vnf>> dependents, SitePaths paths) {
    Map<VnfId, SiteId> sites = new HashMap<>();
    Set<Vnf> concerned = new HashSet<>();
    for (RelocationPlan.Move move : moves) {
      sites.put(move.vnf().id(), move.to().site());
      concerned.add(move.vnf());
      concerned.addAll(dependents.getOrDefault(move.vnf().id(), List.of()));
    }
    double total = 0;
    for (Vnf vnf : concerned) {
      SiteId here = SlaEvaluator.siteOf(vnf.id(), sites, vnfs);
      for (SlaRequirement requirement : vnf.sla()) {
        SiteId there = SlaEvaluator.peerSite(requirement.peer(), sites, vnfs);
        total += paths.tenant(here, there).map(p -> p.oneWayLatency().toNanos() / 1e3)
            .orElse(1e9);
      }
    }
    return total;
  }

  /** What each host has free, booked as groups are placed. */
  private static final class Capacity {
    private final Map<HostId, Integer> freeCpus = new HashMap<>();
    private final Map<HostId, DataSize> freeMemory = new HashMap<>();

    Capacity(Topology topology, Map<VnfId, Vnf> vnfs) {
      for (Site site : topology.sites()) {
        for (Host host : site.hosts()) {
          freeCpus.put(host.id(), host.vcpus());
          freeMemory.put(host.id(), host.memory());
        }
      }
      for (Vnf vnf : vnfs.values()) {
        take(vnf.placement().host(), vnf, 1);
      }
    }

    /** Hosts for the movers at {@code site}, first fit in move order; empty if they do not fit. */
    Optional<List<RelocationPlan.Move>> tryFit(Site site, Map<VnfId, String> movers,
        Map<VnfId, Vnf> vnfs) {
      Map<HostId, Integer> cpus = new HashMap<>();
      Map<HostId, DataSize> memory = new HashMap<>();
      for (Host host : site.hosts()) {
        cpus.put(host.id(), freeCpus.get(host.id()));
        memory.put(host.id(), freeMemory.get(host.id()));
      }
      for (VnfId id : movers.keySet()) {
        HostId from = vnfs.get(id).placement().host();
        if (cpus.containsKey(from)) { // already on a host of this site: its room is its own
          cpus.merge(from, vnfs.get(id).flavor().vcpus(), Integer::sum);
          memory.put(from, memory.get(from).plus(vnfs.get(id).flavor().memory()));
        }
      }
      List<Vnf> ordered = movers.keySet().stream().map(vnfs::get)
          .sorted(Comparator.comparingInt((Vnf v) -> v.kind().moveOrder()).thenComparing(Vnf::id))
          .toList();
      List<RelocationPlan.Move> moves = new ArrayList<>();
      for (Vnf vnf : ordered) {
        Optional<Host> host = site.hosts().stream()
            .filter(h -> cpus.get(h.id()) >= vnf.flavor().vcpus()
                && memory.get(h.id()).compareTo(vnf.flavor().memory()) >= 0)
            .findFirst();
        if (host.isEmpty()) {
          return Optional.empty();
        }
        HostId chosen = host.get().id();
        cpus.merge(chosen, -vnf.flavor().vcpus(), Integer::sum);
        memory.put(chosen, memory.get(chosen).minus(vnf.flavor().memory()));
        moves.add(new RelocationPlan.Move(vnf, new Placement(site.id(), chosen),
            movers.get(vnf.id())));
      }
      return Optional.of(moves);
    }

    /** The moves are decided: their room at the destination is taken, at the source freed. */
    void book(List<RelocationPlan.Move> moves, Map<VnfId, Vnf> vnfs) {
      for (RelocationPlan.Move move : moves) {
        take(move.vnf().placement().host(), move.vnf(), -1);
        take(move.to().host(), move.vnf(), 1);
      }
    }

    private void take(HostId host, Vnf vnf, int sign) {
      if (!freeCpus.containsKey(host)) {
        return;
      }
      freeCpus.merge(host, -sign * vnf.flavor().vcpus(), Integer::sum);
      DataSize memory = freeMemory.get(host);
      freeMemory.put(host, sign > 0 ? memory.minus(vnf.flavor().memory())
          : memory.plus(vnf.flavor().memory()));
    }
  }
}
