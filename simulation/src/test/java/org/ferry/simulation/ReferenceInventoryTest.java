package org.ferry.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ferry.simulation.ReferenceSetting.FIBER_A_B;
import static org.ferry.simulation.ReferenceSetting.FIBER_B_RAN;
import static org.ferry.simulation.ReferenceSetting.FIBER_RAN_A;
import static org.ferry.simulation.ReferenceSetting.HSS;
import static org.ferry.simulation.ReferenceSetting.MME;
import static org.ferry.simulation.ReferenceSetting.RAN;
import static org.ferry.simulation.ReferenceSetting.SITE_A;
import static org.ferry.simulation.ReferenceSetting.SITE_B;
import static org.ferry.simulation.ReferenceSetting.SPGW;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.LightpathSpec;
import org.ferry.model.network.Degree;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.Host;
import org.ferry.model.network.HostId;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.RoadmNode;
import org.ferry.model.network.Site;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.SwitchId;
import org.ferry.model.network.SwitchPort;
import org.ferry.model.network.Testbed;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
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
import org.ferry.simulation.ReferenceSetting.Options;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reference setting read from the shipped inventory is exactly the one Ferry had hard-coded
 * before (kept below as {@code HardCoded}): the same topology, VNFs and lightpaths for every
 * variation of the options, so the demo's output is unchanged.
 */
class ReferenceInventoryTest {

  static Stream<Options> variations() {
    Options d = Options.defaults();
    return Stream.of(d,
        d.withVirtualization(Virtualization.CONTAINER).withFlavor(Flavor.MEDIUM),
        d.withBackhaul(BackhaulInterface.OPENVPN).withInterSiteDistance(Distance.ofKilometres(120)),
        d.withTestbed(Testbed.DATACENTER),
        d.withRanLatencyBudget(Duration.ofNanos(400_000)).withBackhaulRestorable(false));
  }

  @ParameterizedTest
  @MethodSource("variations")
  void theShippedInventoryIsTheHardCodedSetting(Options options) {
    Inventory inventory = ReferenceSetting.inventory(options);
    Topology expected = HardCoded.topology(options.interSiteDistance(), options.testbed());

    assertThat(inventory.topology().sites()).isEqualTo(expected.sites());
    assertThat(inventory.topology().roadms()).isEqualTo(expected.roadms());
    assertThat(inventory.topology().fibers()).isEqualTo(expected.fibers());
    assertThat(inventory.topology().transponders()).isEqualTo(expected.transponders());
    assertThat(inventory.vnfs()).isEqualTo(HardCoded.epc(options));
    assertThat(inventory.lightpaths()).containsExactly(
        new LightpathSpec(ReferenceSetting.BACKHAUL_A, TransponderId.of("ran-t100-1"),
            TransponderId.of("a-t100-1"), options.backhaulRestorable()),
        new LightpathSpec(ReferenceSetting.BACKHAUL_B, TransponderId.of("ran-t100-2"),
            TransponderId.of("b-t100-1"), true),
        new LightpathSpec(ReferenceSetting.DCI_A_B, TransponderId.of("a-t100-2"),
            TransponderId.of("b-t100-2"), true));
    assertThat(inventory.backhaul()).containsEntry(RAN,
        List.of(ReferenceSetting.BACKHAUL_A, ReferenceSetting.BACKHAUL_B));
  }

  /** The setting as ReferenceSetting built it in code before the inventory file. */
  private static final class HardCoded {

    static Topology topology(Distance interSiteDistance, Testbed testbed) {
      List<Site> sites = List.of(
          new Site(RAN, Site.Role.RAN, SwitchId.of("tor-ran"), List.of()),
          computeSite(SITE_A, "a"),
          computeSite(SITE_B, "b"));
      List<RoadmNode> roadms = List.of(
          new RoadmNode(roadm("ran"), RAN, 2, 1),
          new RoadmNode(roadm("a"), SITE_A, 2, 1),
          new RoadmNode(roadm("b"), SITE_B, 2, 1));
      List<Fiber> fibers = List.of(
          new Fiber(FIBER_RAN_A, new Degree(roadm("ran"), 1), new Degree(roadm("a"), 1),
              Distance.ofKilometres(30)),
          new Fiber(FIBER_A_B, new Degree(roadm("a"), 2), new Degree(roadm("b"), 1),
              interSiteDistance),
          new Fiber(FIBER_B_RAN, new Degree(roadm("b"), 2), new Degree(roadm("ran"), 2),
              Distance.ofKilometres(25)));
      List<Transponder> xponders = new ArrayList<>();
      for (String site : List.of("ran", "a", "b")) {
        SiteId siteId = site.equals("ran") ? RAN : SiteId.of("site-" + site);
        SwitchId tor = SwitchId.of("tor-" + site);
        xponders.add(xponder(site + "-t100-1", siteId, site, TransponderClass.TRANSPONDER_100G,
            tor, 1));
        xponders.add(xponder(site + "-t100-2", siteId, site, TransponderClass.TRANSPONDER_100G,
            tor, 2));
        if (!site.equals("ran")) {
          TransponderClass management = testbed.management();
          String tag = management == TransponderClass.SWITCHPONDER_1G ? "-sw1g-" : "-sw10g-";
          xponders.add(xponder(site + tag + "1", siteId, site, management, tor, 3));
          xponders.add(xponder(site + tag + "2", siteId, site, management, tor, 4));
        }
      }
      return new Topology(sites, roadms, fibers, xponders);
    }


    static List<Vnf> epc(Options options) {
      Placement a = new Placement(SITE_A, HostId.of("a-host-1"));
      Duration ran = options.ranLatencyBudget();
      Duration s6a = Duration.ofNanos(200_000);
      Duration s11 = Duration.ofMillis(1);
      DataRate control = DataRate.ofMbps(100);
      return List.of(
          vnf(HSS, VnfKind.HSS, "172.16.0.10", a, options,
              List.of(new SlaRequirement(Peer.vnf(MME), control, s6a))),
          vnf(MME, VnfKind.MME, "172.16.0.11", a, options,
              List.of(
                  new SlaRequirement(Peer.site(RAN), control, ran),
                  new SlaRequirement(Peer.vnf(HSS), control, s6a),
                  new SlaRequirement(Peer.vnf(SPGW), control, s11))),
          vnf(SPGW, VnfKind.SPGW, "172.16.0.12", a, options,
              List.of(
                  new SlaRequirement(Peer.site(RAN), DataRate.ofGbps(10), ran),
                  new SlaRequirement(Peer.vnf(MME), control, s11))));
    }

    private static Vnf vnf(VnfId id, VnfKind kind, String address, Placement at, Options options,
        List<SlaRequirement> sla) {
      return new Vnf(id, kind, options.virtualization(), options.flavor(), at,
          Ipv4Address.of(address), options.backhaul(), sla);
    }

    private static Site computeSite(SiteId id, String tag) {
      List<Host> hosts = List.of(
          new Host(HostId.of(tag + "-host-1"), id, 8, DataSize.ofMebibytes(32 * 1024)),
          new Host(HostId.of(tag + "-host-2"), id, 8, DataSize.ofMebibytes(32 * 1024)));
      return new Site(id, Site.Role.COMPUTE, SwitchId.of("tor-" + tag), hosts);
    }

    private static NodeId roadm(String site) {
      return NodeId.of("roadm-" + site);
    }

    private static Transponder xponder(String id, SiteId site, String tag, TransponderClass kind,
        SwitchId tor, int port) {
      return new Transponder(TransponderId.of(id), site, roadm(tag), kind, new SwitchPort(tor, port));
    }
  }
}
