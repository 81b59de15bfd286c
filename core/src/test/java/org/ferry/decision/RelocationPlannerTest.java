package org.ferry.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.decision.RelocationPlanner.Cause.REQUESTED;
import static org.ferry.decision.RelocationPlanner.Cause.SLA_MISSED;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Frequency;
import org.ferry.model.network.Host;
import org.ferry.model.network.HostId;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.LightpathState;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.Route;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.SwitchId;
import org.ferry.model.network.Topology;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Distance;
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
import org.junit.jupiter.api.Test;

/**
 * Which functions move where, on tenant lightpaths given directly:
 *
 * <pre>
 *   ran --- 80 km ---- a        (the restored, long backhaul: 420 µs)
 *   ran --- 20 km ---- b        (120 µs)
 *   ran --- 10 km ---- c        (70 µs; c has room for one Small VNF only)
 *     a --- 50 km ---- b        (270 µs)
 * </pre>
 */
class RelocationPlannerTest {

  private static final SiteId RAN = SiteId.of("ran");
  private static final SiteId A = SiteId.of("a");
  private static final SiteId B = SiteId.of("b");
  private static final SiteId C = SiteId.of("c");
  private static final VnfId HSS = VnfId.of("hss");
  private static final VnfId MME = VnfId.of("mme");

  private final RelocationPlanner planner = new RelocationPlanner();

  private final Topology topology = new Topology(
      List.of(new Site(RAN, Site.Role.RAN, SwitchId.of("tor-ran"), List.of()),
          site(A, 8), site(B, 8), site(C, 1)),
      List.of(), List.of(), List.of());

  private final SitePaths paths = new SitePaths(List.of(
      tenant("ran-a", RAN, A, 80), tenant("ran-b", RAN, B, 20), tenant("ran-c", RAN, C, 10),
      tenant("a-b", A, B, 50)));

  private final Map<VnfId, Vnf> vnfs = index(List.of(
      vnf(HSS, VnfKind.HSS, List.of(req(Peer.vnf(MME), 200))),
      vnf(MME, VnfKind.MME, List.of(req(Peer.site(RAN), 250), req(Peer.vnf(HSS), 200)))));

  @Test
  void theSlaEvaluatorFindsWhatTheLongBackhaulMisses() {
    List<SlaViolation> missed = new SlaEvaluator().violations(vnfs.get(MME), Map.of(), vnfs, paths);
    assertThat(missed).hasSize(1);
    assertThat(missed.getFirst().describe()).isEqualTo("mme -> ran: latency 0.420 ms > 0.250 ms");
  }

  @Test
  void aFunctionWhosePeerLeavesFollowsIt() {
    Optional<RelocationPlan> plan = planner.plan(Set.of(MME), vnfs, topology, paths,
        Optional.empty(), SLA_MISSED);
    // c is nearer the RAN but has room for one function; HSS must follow MME (a-b is 270 µs).
    assertThat(plan).get().satisfies(p -> {
      assertThat(p.destination()).isEqualTo(B);
      assertThat(p.moves()).extracting(m -> m.vnf().id()).containsExactly(MME, HSS);
      assertThat(p.moves().getFirst().reason()).isEqualTo("misses its SLA where it is");
      assertThat(p.moves().get(1).reason()).startsWith("follows its peers");
    });
  }

  @Test
  void aRequestedFunctionSaysItWasRequested() {
    assertThat(planner.plan(Set.of(MME), vnfs, topology, paths, Optional.of(B), REQUESTED))
        .get().satisfies(p -> {
          assertThat(p.moves().getFirst().vnf().id()).isEqualTo(MME);
          assertThat(p.moves().getFirst().reason()).isEqualTo("requested");
        });
  }

  @Test
  void theNearerSiteWinsWhenItHasRoom() {
    Topology roomy = new Topology(
        List.of(new Site(RAN, Site.Role.RAN, SwitchId.of("tor-ran"), List.of()),
            site(A, 8), site(B, 8), site(C, 8)),
        List.of(), List.of(), List.of());
    // c: 70 µs to the RAN beats b: 120 µs.
    assertThat(planner.plan(Set.of(MME), vnfs, roomy, paths, Optional.empty(), SLA_MISSED))
        .get().extracting(RelocationPlan::destination).isEqualTo(C);
  }

  @Test
  void aFunctionMovedAwayFromItsPeerPullsThePeerAlong() {
    // A planned move of the HSS alone: at b it is 270 µs from its MME at a, over its 200 µs.
    assertThat(planner.plan(Set.of(HSS), vnfs, topology, paths, Optional.of(B), REQUESTED))
        .get()
        .satisfies(p -> {
          assertThat(p.moves()).extracting(m -> m.vnf().id()).containsExactly(MME, HSS);
          assertThat(p.moves().getFirst().reason()).startsWith("pulled along by hss -> mme");
        });
  }

  @Test
  void noPlanWhenNoSiteMeetsTheSla() {
    Map<VnfId, Vnf> strict = index(List.of(
        vnf(MME, VnfKind.MME, List.of(req(Peer.site(RAN), 50)))));
    assertThat(planner.plan(Set.of(MME), strict, topology, paths, Optional.empty(), SLA_MISSED))
        .isEmpty();
  }

  @Test
  void aPlannedMoveConsidersOnlyTheSiteAskedFor() {
    assertThat(planner.plan(Set.of(MME), vnfs, topology, paths, Optional.of(C), REQUESTED))
        .isEmpty();
    assertThat(planner.plan(Set.of(MME), vnfs, topology, paths, Optional.of(B), REQUESTED))
        .isPresent();
  }

  @Test
  void groupsThatShareNoSlaArePlacedEachAtItsOwnBestSite() {
    // A second RAN, ran2, is near c only; its MME shares no SLA with the first MME and its HSS.
    SiteId ran2 = SiteId.of("ran2");
    VnfId mme2 = VnfId.of("mme2");
    Topology twoRans = twoRanTopology(ran2);
    SitePaths twoRanPaths = new SitePaths(List.of(
        tenant("ran-a", RAN, A, 80), tenant("ran-b", RAN, B, 20), tenant("ran-c", RAN, C, 10),
        tenant("a-b", A, B, 50), tenant("ran2-a", ran2, A, 80), tenant("ran2-c", ran2, C, 10)));
    Map<VnfId, Vnf> both = new java.util.HashMap<>(vnfs);
    both.put(mme2, vnf(mme2, VnfKind.MME, List.of(req(Peer.site(ran2), 250))));

    RelocationPlan plan = planner.plan(Set.of(MME, mme2), both, twoRans, twoRanPaths,
        Optional.empty(), SLA_MISSED).orElseThrow();

    // The bigger group (MME with its HSS) goes first; c's one free vCPU then takes mme2.
    assertThat(plan.destinations()).containsExactly(B, C);
    assertThat(plan.moves()).extracting(m -> m.vnf().id() + "@" + m.to().site())
        .containsExactlyInAnyOrder("mme@b", "hss@b", "mme2@c");
    assertThat(plan.unplaced()).isEmpty();
  }

  @Test
  void aGroupThatFitsNowhereIsListedWhileTheOthersMove() {
    SiteId ran2 = SiteId.of("ran2");
    VnfId mme2 = VnfId.of("mme2");
    Topology twoRans = twoRanTopology(ran2);
    // ran2 is reachable from a only, over 80 km: mme2 fits no site.
    SitePaths twoRanPaths = new SitePaths(List.of(
        tenant("ran-a", RAN, A, 80), tenant("ran-b", RAN, B, 20), tenant("a-b", A, B, 50),
        tenant("ran2-a", ran2, A, 80)));
    Map<VnfId, Vnf> both = new java.util.HashMap<>(vnfs);
    both.put(mme2, vnf(mme2, VnfKind.MME, List.of(req(Peer.site(ran2), 250))));

    RelocationPlan plan = planner.plan(Set.of(MME, mme2), both, twoRans, twoRanPaths,
        Optional.empty(), SLA_MISSED).orElseThrow();

    assertThat(plan.destination()).isEqualTo(B);
    assertThat(plan.unplaced()).containsOnlyKeys(mme2);
    assertThat(plan.unplaced().get(mme2)).contains("no compute site has room for [mme2]");
  }

  /** The sites a, b, c of the drawing with a second RAN site beside the first. */
  private static Topology twoRanTopology(SiteId ran2) {
    return new Topology(
        List.of(new Site(RAN, Site.Role.RAN, SwitchId.of("tor-ran"), List.of()),
            new Site(ran2, Site.Role.RAN, SwitchId.of("tor-ran2"), List.of()),
            site(A, 8), site(B, 8), site(C, 1)),
        List.of(), List.of(), List.of());
  }

  private static Site site(SiteId id, int vcpus) {
    return new Site(id, Site.Role.COMPUTE, SwitchId.of("tor-" + id),
        List.of(new Host(HostId.of(id + "-h1"), id, vcpus, DataSize.ofMebibytes(vcpus * 4096L))));
  }

  private static Lightpath tenant(String name, SiteId a, SiteId z, double km) {
    return new Lightpath(LightpathId.of(name), TransponderClass.TRANSPONDER_100G,
        new Lightpath.End(a, TransponderId.of(name + "-a")),
        new Lightpath.End(z, TransponderId.of(name + "-z")),
        new Route(List.of(NodeId.of(name + "-r1"), NodeId.of(name + "-r2")),
            List.of(FiberId.of(name + "-f")), Distance.ofKilometres(km)),
        Frequency.ofFixedGridChannel(0), LightpathState.IN_SERVICE, false);
  }

  private static SlaRequirement req(Peer peer, long maxLatencyMicros) {
    return new SlaRequirement(peer, DataRate.ofMbps(100), Duration.ofNanos(maxLatencyMicros * 1000));
  }

  private static Vnf vnf(VnfId id, VnfKind kind, List<SlaRequirement> sla) {
    return new Vnf(id, kind, Virtualization.VM, Flavor.SMALL, new Placement(A, HostId.of("a-h1")),
        Ipv4Address.of("172.16.0." + (10 + VnfKind.shipped().indexOf(kind))), BackhaulInterface.FLOATING_IP,
        new ArrayList<>(sla));
  }

  private static Map<VnfId, Vnf> index(List<Vnf> list) {
    return list.stream().collect(Collectors.toMap(Vnf::id, Function.identity()));
  }
}
