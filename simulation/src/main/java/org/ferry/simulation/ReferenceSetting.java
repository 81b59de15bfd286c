package org.ferry.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ferry.model.network.Degree;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.FiberId;
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

/**
 * The setting of the reference study, as a topology and an EPC to put in it.
 *
 * <pre>
 *                      fiber-ran-a (30 km)
 *          site-a  ----------------------------  ran (gNB: RU, DU, CU)
 *    HSS, MME, SPGW \                         /
 *                    \ fiber-a-b (50 km)     / fiber-b-ran (25 km)
 *                     \                     /
 *                      -------  site-b  ----
 * </pre>
 *
 * <p>A ROADM at each of the three sites; two 100G transponders (tenant network) at each; two 1G
 * switchponders (management network) at each compute site. Tenant lightpaths in service:
 * {@code backhaul-ran-a} and {@code backhaul-ran-b} carry S1 from the RAN to each site, {@code
 * dci-a-b} joins the two racks.
 *
 * <p>The SLAs put the EPC within 250 µs one way of the RAN and the HSS within 200 µs of the MME.
 * When {@code fiber-ran-a} is cut, the backhaul is restored the long way round (ran > site-b >
 * site-a, 75 km: about 395 µs), which misses the SLA; from site-b the RAN is 145 µs away. So the
 * MME and SPGW must move to site-b, and the HSS follows its MME, since site-a to site-b is 270 µs.
 * (Before the cut the RAN is 170 µs from site-a; the fibre between the compute sites is shorter
 * than the way through the RAN site, so the DCI does not cross the backhaul fibre.)
 */
public final class ReferenceSetting {

  public static final SiteId RAN = SiteId.of("ran");
  public static final SiteId SITE_A = SiteId.of("site-a");
  public static final SiteId SITE_B = SiteId.of("site-b");
  public static final FiberId FIBER_RAN_A = FiberId.of("fiber-ran-a");
  public static final FiberId FIBER_A_B = FiberId.of("fiber-a-b");
  public static final FiberId FIBER_B_RAN = FiberId.of("fiber-b-ran");
  public static final LightpathId BACKHAUL_A = LightpathId.of("backhaul-ran-a");
  public static final LightpathId BACKHAUL_B = LightpathId.of("backhaul-ran-b");
  public static final LightpathId DCI_A_B = LightpathId.of("dci-a-b");
  public static final VnfId HSS = VnfId.of("hss-1");
  public static final VnfId MME = VnfId.of("mme-1");
  public static final VnfId SPGW = VnfId.of("spgw-1");

  /**
   * What varies between runs of the setting.
   *
   * @param virtualization how the EPC is packaged
   * @param flavor the size of each VNF
   * @param backhaul how the RAN reaches the VNFs
   * @param interSiteDistance the fibre between the two compute sites (the temporary lightpath's
   *     length)
   * @param ranLatencyBudget the most one-way latency the EPC may have toward the RAN
   * @param backhaulRestorable whether the optical controller may reroute the RAN backhaul
   * @param testbed the compute sites' hardware: CPU speed, and the management network's class
   *     (the datacenter's sites get 10G switchponders)
   */
  public record Options(
      Virtualization virtualization,
      Flavor flavor,
      BackhaulInterface backhaul,
      Distance interSiteDistance,
      Duration ranLatencyBudget,
      boolean backhaulRestorable,
      Testbed testbed) {

    public Options {
      Objects.requireNonNull(virtualization, "virtualization");
      Objects.requireNonNull(flavor, "flavor");
      Objects.requireNonNull(backhaul, "backhaul");
      Objects.requireNonNull(interSiteDistance, "interSiteDistance");
      Objects.requireNonNull(ranLatencyBudget, "ranLatencyBudget");
      Objects.requireNonNull(testbed, "testbed");
      if (interSiteDistance.kilometres() <= 0) {
        throw new IllegalArgumentException("the fibre between the sites must be longer than 0 km");
      }
    }

    public static Options defaults() {
      return new Options(Virtualization.VM, Flavor.SMALL, BackhaulInterface.FLOATING_IP,
          Distance.ofKilometres(50), Duration.ofNanos(250_000), true, Testbed.OPENROADM);
    }

    public Options withVirtualization(Virtualization v) {
      return new Options(v, flavor, backhaul, interSiteDistance, ranLatencyBudget,
          backhaulRestorable, testbed);
    }

    public Options withFlavor(Flavor f) {
      return new Options(virtualization, f, backhaul, interSiteDistance, ranLatencyBudget,
          backhaulRestorable, testbed);
    }

    public Options withBackhaul(BackhaulInterface b) {
      return new Options(virtualization, flavor, b, interSiteDistance, ranLatencyBudget,
          backhaulRestorable, testbed);
    }

    public Options withInterSiteDistance(Distance d) {
      return new Options(virtualization, flavor, backhaul, d, ranLatencyBudget,
          backhaulRestorable, testbed);
    }

    public Options withRanLatencyBudget(Duration budget) {
      return new Options(virtualization, flavor, backhaul, interSiteDistance, budget,
          backhaulRestorable, testbed);
    }

    public Options withBackhaulRestorable(boolean restorable) {
      return new Options(virtualization, flavor, backhaul, interSiteDistance, ranLatencyBudget,
          restorable, testbed);
    }

    public Options withTestbed(Testbed t) {
      return new Options(virtualization, flavor, backhaul, interSiteDistance, ranLatencyBudget,
          backhaulRestorable, t);
    }
  }

  private ReferenceSetting() {}

  /** The three-site network of the optical testbed, the compute sites this far apart. */
  public static Topology topology(Distance interSiteDistance) {
    return topology(interSiteDistance, Testbed.OPENROADM);
  }

  /**
   * The three-site network with the fibre between the compute sites as long as given; each
   * compute site has two switchponders of the testbed's management class.
   */
  public static Topology topology(Distance interSiteDistance, Testbed testbed) {
    // Topologies are immutable: one per (distance, testbed), shared (the sweep builds thousands).
    return TOPOLOGIES.computeIfAbsent(List.of(interSiteDistance, testbed),
        k -> buildTopology(interSiteDistance, testbed));
  }

  private static final Map<List<Object>, Topology> TOPOLOGIES = new ConcurrentHashMap<>();

  private static Topology buildTopology(Distance interSiteDistance, Testbed testbed) {
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

  /** HSS, MME and SPGW at site-a with their SLAs. */
  public static List<Vnf> epc(Options options) {
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
