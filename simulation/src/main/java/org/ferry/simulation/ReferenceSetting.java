package org.ferry.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.network.Fiber;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Testbed;
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Peer;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;

/**
 * The setting of the reference study, as a topology and an EPC to put in it: the shipped
 * reference inventory ({@code org/ferry/inventory/reference.yaml}, also {@code
 * examples/reference.yaml}), varied by {@link Options}.
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

  /** The shipped reference inventory, read once. */
  private static final class Shipped {
    static final Inventory REFERENCE = InventoryLoader.reference();
  }

  /**
   * The reference setting as an inventory, varied by {@code options}: every VNF packaged,
   * sized and reached as the options say, the fibre between the compute sites as long as
   * given, the management switchponders of the testbed's class, the SLAs toward the RAN at the
   * options' budget, and the RAN-to-site-a backhaul restorable or not.
   */
  public static Inventory inventory(Options options) {
    Objects.requireNonNull(options, "options");
    Inventory reference = Shipped.REFERENCE;
    return reference
        .withTopology(topology(options.interSiteDistance(), options.testbed()))
        .withEachLightpath(lp -> lp.id().equals(BACKHAUL_A)
            ? lp.withRestorable(options.backhaulRestorable()) : lp)
        .withEachVnf(v -> v.withVirtualization(options.virtualization())
            .withFlavor(options.flavor())
            .withBackhaul(options.backhaul())
            .withSla(v.sla().stream().map(r -> r.peer().equals(Peer.site(RAN))
                ? new SlaRequirement(r.peer(), r.minBandwidth(), options.ranLatencyBudget())
                : r).toList()));
  }

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
        k -> vary(Shipped.REFERENCE.topology(), interSiteDistance, testbed));
  }

  private static final Map<List<Object>, Topology> TOPOLOGIES = new ConcurrentHashMap<>();

  /**
   * The shipped topology with fiber-a-b this long and the management switchponders of the
   * testbed's class (a-sw1g-1 becomes a-sw10g-1 in the datacenter).
   */
  private static Topology vary(Topology shipped, Distance interSiteDistance, Testbed testbed) {
    List<Fiber> fibers = shipped.fibers().stream()
        .map(f -> f.id().equals(FIBER_A_B) ? new Fiber(f.id(), f.a(), f.z(), interSiteDistance) : f)
        .toList();
    TransponderClass management = testbed.management();
    String tag = management == TransponderClass.SWITCHPONDER_1G ? "-sw1g-" : "-sw10g-";
    List<Transponder> xponders = shipped.transponders().stream()
        .map(x -> x.kind() != TransponderClass.SWITCHPONDER_1G ? x
            : new Transponder(TransponderId.of(x.id().value().replace("-sw1g-", tag)), x.site(),
                x.roadm(), management, x.clientPort()))
        .toList();
    return new Topology(shipped.sites(), shipped.roadms(), fibers, xponders);
  }

  /** HSS, MME and SPGW at site-a with their SLAs. */
  public static List<Vnf> epc(Options options) {
    return inventory(options).vnfs();
  }
}
