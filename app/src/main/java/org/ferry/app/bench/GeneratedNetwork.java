package org.ferry.app.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ferry.inventory.Inventory;
import org.ferry.inventory.InventoryLoader;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.SiteId;
import org.ferry.model.vnf.VnfId;

/**
 * A network of any size for the server bench, written as inventory YAML and read by the
 * {@link InventoryLoader}, so that it is validated as a user's file would be.
 *
 * <p>Compute sites {@code c-0 .. c-(C-1)} stand on a ring of 10 km fibres. They are split into R
 * clusters of K = C / R neighbours, one per RAN site: RAN site {@code r} hangs off the last site
 * of its cluster (its hub) by a 5 km access fibre, and off the next cluster's first site by a
 * 12 km one. Its VNF groups (a UPF and an SMF, each with an SLA toward the RAN and toward the
 * other) are spread over the cluster, d = 0 .. K-1 sites back from the hub, each group's
 * backhaul a tenant lightpath over the access fibre and the ring. The SLA toward the RAN is the
 * backhaul's latency plus 50 µs: cutting RAN r's access fibre reroutes its backhaul over the
 * 12 km fibre and the ring (+85 µs), so every one of its VNFs misses its SLA, and the next
 * cluster's first site (80 µs away over the 12 km fibre) takes them all. With R = 5 a cut hits
 * 20 % of the VNFs.
 *
 * <p>Every site has room for its own VNFs plus a whole RAN site's, and a switchponder per
 * cluster member, so that a relocation never runs out of hosts or xponders.
 *
 * @param vnfs how many VNFs, even: two per group
 * @param computeSites C, a multiple of {@code ranSites}
 * @param ranSites R
 */
public record GeneratedNetwork(int vnfs, int computeSites, int ranSites) {

  /** VNFs per group: a UPF and its SMF. */
  static final int GROUP = 2;

  private static final int HOST_VCPUS = 32;
  private static final int ACCESS_KM = 5;
  private static final int ALTERNATE_KM = 12;
  private static final int RING_KM = 10;
  private static final int SLACK_US = 50;
  /** Two 100G transponders' equipment latency, as {@code Lightpath.latency()} counts it. */
  private static final int TENANT_EQUIPMENT_US = 20;

  public GeneratedNetwork {
    if (vnfs < GROUP || vnfs % GROUP != 0) {
      throw new IllegalArgumentException("vnfs must be a positive even number, got " + vnfs);
    }
    if (ranSites < 1 || computeSites < ranSites || computeSites % ranSites != 0
        || computeSites < 3) {
      throw new IllegalArgumentException("compute sites must be at least 3 and a multiple of"
          + " the RAN sites; got " + computeSites + " and " + ranSites);
    }
    if ((vnfs / GROUP) % ranSites != 0) {
      throw new IllegalArgumentException("the " + vnfs / GROUP + " groups must split evenly"
          + " over the " + ranSites + " RAN sites");
    }
  }

  /** The scale bench's shape: five RAN sites, so that one access fibre carries 20 %. */
  public static GeneratedNetwork forScale(int vnfs, int computeSites) {
    return new GeneratedNetwork(vnfs, computeSites, 5);
  }

  /**
   * The moves bench's shape: one group per RAN site, at its hub, and two compute sites per RAN
   * site, so that group r moves from its hub to the next cluster's first site and no two moves
   * share a site or a VNF.
   */
  public static GeneratedNetwork forMoves(int groups) {
    return new GeneratedNetwork(groups * GROUP, Math.max(3, groups * 2), groups);
  }

  public Inventory inventory() {
    return InventoryLoader.parse(yaml(), "generated network " + this);
  }

  /** RAN site 0's access fibre: its cut hits 1/R of the VNFs. */
  public FiberId accessFiberOfFirstRanSite() {
    return FiberId.of("f-access-0");
  }

  /** How many VNFs the cut of {@link #accessFiberOfFirstRanSite()} hits. */
  public int vnfsPerRanSite() {
    return vnfs / ranSites;
  }

  /** A group of VNFs and where a planned move of it may go. */
  public record Group(List<VnfId> vnfs, SiteId site, SiteId alternate) {}

  /** The first group of each RAN site, with its RAN site's alternate compute site. */
  public List<Group> firstGroups() {
    List<Group> groups = new ArrayList<>();
    for (int r = 0; r < ranSites; r++) {
      groups.add(new Group(List.of(upf(r, 0), smf(r, 0)), SiteId.of(compute(hub(r))),
          SiteId.of(compute(alternate(r)))));
    }
    return groups;
  }

  private int clusterSize() {
    return computeSites / ranSites;
  }

  private int groupsPerRan() {
    return vnfs / GROUP / ranSites;
  }

  private int hub(int ran) {
    return ran * clusterSize() + clusterSize() - 1;
  }

  private int alternate(int ran) {
    return (hub(ran) + 1) % computeSites;
  }

  /** The compute site group {@code g} of RAN site {@code r} runs at. */
  private int siteOf(int r, int g) {
    return hub(r) - g % clusterSize();
  }

  private static String compute(int i) {
    return "c-" + i;
  }

  private static VnfId upf(int r, int g) {
    return VnfId.of("upf-" + r + "-" + g);
  }

  private static VnfId smf(int r, int g) {
    return VnfId.of("smf-" + r + "-" + g);
  }

  String yaml() {
    StringBuilder y = new StringBuilder("name: generated-" + vnfs + "-vnfs-" + computeSites
        + "-sites\nkinds:\n  - {name: UPF, user-plane: true}\n  - {name: SMF, move-order: 1}\n");
    int perSite = (int) Math.ceil((double) groupsPerRan() / clusterSize()) * GROUP;
    int hosts = (int) Math.ceil((perSite + (double) vnfsPerRanSite()) / HOST_VCPUS);
    int switchponders = Math.max(2, clusterSize());
    y.append("sites:\n");
    for (int r = 0; r < ranSites; r++) {
      y.append("  - {id: r-").append(r).append(", role: ran, backhaul: [");
      for (int d = 0; d < Math.min(clusterSize(), groupsPerRan()); d++) {
        y.append("bh-").append(r).append('-').append(d).append(", ");
      }
      y.append("bh-").append(r).append("-alt]}\n");
    }
    for (int c = 0; c < computeSites; c++) {
      y.append("  - id: ").append(compute(c)).append("\n    role: compute\n    hosts:\n");
      for (int h = 0; h < hosts; h++) {
        y.append(String.format(Locale.ROOT, "      - {id: %s-h%d, vcpus: %d, memory-mib: %d}%n",
            compute(c), h, HOST_VCPUS, HOST_VCPUS * 4096));
      }
    }
    y.append("switches:\n");
    for (int r = 0; r < ranSites; r++) {
      y.append("  - {id: tor-r-").append(r).append(", site: r-").append(r).append("}\n");
    }
    for (int c = 0; c < computeSites; c++) {
      y.append("  - {id: tor-").append(compute(c)).append(", site: ").append(compute(c))
          .append("}\n");
    }
    y.append("roadms:\n");
    for (int r = 0; r < ranSites; r++) {
      y.append("  - {id: roadm-r-").append(r).append(", site: r-").append(r)
          .append(", degrees: 2}\n");
    }
    // Degrees of a compute ROADM: 1 and 2 the ring, 3 its RAN site's access fibre (at a hub),
    // 4 the previous RAN site's alternate fibre (at a cluster's first site).
    for (int c = 0; c < computeSites; c++) {
      y.append("  - {id: roadm-").append(compute(c)).append(", site: ").append(compute(c))
          .append(", degrees: 4}\n");
    }
    fibers(y);
    xponders(y, switchponders);
    y.append("optical-controller: {type: simulated}\n");
    lightpaths(y);
    vnfs(y);
    return y.toString();
  }

  private void fibers(StringBuilder y) {
    y.append("fibers:\n");
    for (int c = 0; c < computeSites; c++) {
      int next = (c + 1) % computeSites;
      y.append(String.format(Locale.ROOT, "  - {id: f-ring-%d, a: {roadm: roadm-%s, degree: 2},"
          + " z: {roadm: roadm-%s, degree: 1}, length-km: %d}%n", c, compute(c), compute(next),
          RING_KM));
    }
    for (int r = 0; r < ranSites; r++) {
      y.append(String.format(Locale.ROOT, "  - {id: f-access-%d, a: {roadm: roadm-r-%d, degree:"
          + " 1}, z: {roadm: roadm-%s, degree: 3}, length-km: %d}%n", r, r, compute(hub(r)),
          ACCESS_KM));
      y.append(String.format(Locale.ROOT, "  - {id: f-alt-%d, a: {roadm: roadm-r-%d, degree:"
          + " 2}, z: {roadm: roadm-%s, degree: 4}, length-km: %d}%n", r, r,
          compute(alternate(r)), ALTERNATE_KM));
    }
  }

  /**
   * At a RAN site one transponder per backhaul lightpath; at a compute site two transponders
   * (its cluster's backhaul ends at one, the previous RAN site's alternate at the other) and the
   * switchponders temporary lightpaths take.
   */
  private void xponders(StringBuilder y, int switchponders) {
    y.append("xponders:\n");
    int backhaulPerRan = Math.min(clusterSize(), groupsPerRan()) + 1;
    for (int r = 0; r < ranSites; r++) {
      for (int t = 1; t <= backhaulPerRan; t++) {
        y.append(String.format(Locale.ROOT, "  - {id: r-%d-t%d, class: transponder-100g, site:"
            + " r-%d, roadm: roadm-r-%d, port: {switch: tor-r-%d, number: %d}}%n", r, t, r, r, r,
            t));
      }
    }
    for (int c = 0; c < computeSites; c++) {
      String s = compute(c);
      for (int t = 1; t <= 2; t++) {
        y.append(String.format(Locale.ROOT, "  - {id: %s-t%d, class: transponder-100g, site:"
            + " %s, roadm: roadm-%s, port: {switch: tor-%s, number: %d}}%n", s, t, s, s, s, t));
      }
      for (int m = 1; m <= switchponders; m++) {
        y.append(String.format(Locale.ROOT, "  - {id: %s-sw%d, class: switchponder-1g, site:"
            + " %s, roadm: roadm-%s, port: {switch: tor-%s, number: %d}}%n", s, m, s, s, s,
            m + 2));
      }
    }
  }

  private void lightpaths(StringBuilder y) {
    y.append("lightpaths:\n");
    for (int r = 0; r < ranSites; r++) {
      int t = 1;
      for (int d = 0; d < Math.min(clusterSize(), groupsPerRan()); d++) {
        y.append(String.format(Locale.ROOT, "  - {id: bh-%d-%d, a: r-%d-t%d, z: %s-t1}%n", r, d,
            r, t++, compute(hub(r) - d)));
      }
      y.append(String.format(Locale.ROOT, "  - {id: bh-%d-alt, a: r-%d-t%d, z: %s-t2}%n", r, r,
          t, compute(alternate(r))));
    }
  }

  private void vnfs(StringBuilder y) {
    y.append("vnfs:\n");
    int address = 0;
    for (int r = 0; r < ranSites; r++) {
      for (int g = 0; g < groupsPerRan(); g++) {
        int site = siteOf(r, g);
        int d = hub(r) - site;
        // The groups at one site are every K-th of the RAN site's: fill its hosts in turn.
        int firstAtSite = g / clusterSize() * GROUP;
        int backhaulUs = (ACCESS_KM + RING_KM * d) * 5 + TENANT_EQUIPMENT_US;
        int slaUs = backhaulUs + SLACK_US;
        int member = 0;
        for (VnfId[] pair : new VnfId[][] {{upf(r, g), smf(r, g)}, {smf(r, g), upf(r, g)}}) {
          address++;
          int hostIndex = (firstAtSite + member++) / HOST_VCPUS;
          String kind = pair[0].value().startsWith("upf") ? "UPF" : "SMF";
          y.append(String.format(Locale.ROOT, "  - id: %s%n    kind: %s%n    placement: {site:"
              + " %s, host: %s-h%d}%n    address: 10.%d.%d.%d%n    peers:%n"
              + "      - {peer: r-%d, min-bandwidth-mbps: 100, max-latency-us: %d}%n"
              + "      - {peer: %s, min-bandwidth-mbps: 100, max-latency-ms: 1}%n",
              pair[0], kind, compute(site), compute(site), hostIndex, 10 + address / 65_536,
              address / 256 % 256, address % 256, r, slaUs, pair[1]));
        }
      }
    }
  }
}
