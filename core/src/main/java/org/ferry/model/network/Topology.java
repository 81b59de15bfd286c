package org.ferry.model.network;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The physical network Ferry controls: sites with their hosts and switches, ROADMs, the fibres
 * between them and the xponders at each site. Immutable; built once and validated as a whole.
 */
public final class Topology {

  private final Map<SiteId, Site> sites;
  private final Map<NodeId, RoadmNode> roadms;
  private final Map<FiberId, Fiber> fibers;
  private final Map<TransponderId, Transponder> transponders;

  /**
   * @throws IllegalArgumentException naming the element, if an id repeats or a reference points at
   *     nothing (a fibre to an unknown ROADM or degree, an xponder at an unknown site)
   */
  public Topology(
      List<Site> sites, List<RoadmNode> roadms, List<Fiber> fibers, List<Transponder> xponders) {
    this.sites = index(sites, Site::id, "site");
    this.roadms = index(roadms, RoadmNode::id, "ROADM");
    this.fibers = index(fibers, Fiber::id, "fiber");
    this.transponders = index(xponders, Transponder::id, "transponder");
    validate();
  }

  private void validate() {
    for (RoadmNode roadm : roadms.values()) {
      requireSite(roadm.site(), "ROADM " + roadm.id());
    }
    Set<Degree> usedDegrees = new HashSet<>();
    for (Fiber fiber : fibers.values()) {
      for (Degree end : List.of(fiber.a(), fiber.z())) {
        RoadmNode roadm = roadms.get(end.roadm());
        if (roadm == null) {
          throw new IllegalArgumentException(
              "fiber " + fiber.id() + " ends at unknown ROADM " + end.roadm());
        }
        roadm.degree(end.number());
        if (!usedDegrees.add(end)) {
          throw new IllegalArgumentException(
              "degree " + end + " carries two fibres; each degree takes one fibre pair");
        }
      }
    }
    for (Transponder xponder : transponders.values()) {
      requireSite(xponder.site(), "transponder " + xponder.id());
      RoadmNode roadm = roadms.get(xponder.roadm());
      if (roadm == null || !roadm.site().equals(xponder.site())) {
        throw new IllegalArgumentException(
            "transponder " + xponder.id() + " must drop into a ROADM at its own site "
                + xponder.site());
      }
    }
  }

  private void requireSite(SiteId site, String who) {
    if (!sites.containsKey(site)) {
      throw new IllegalArgumentException(who + " stands at unknown site " + site);
    }
  }

  private static <K, V> Map<K, V> index(List<V> values, Function<V, K> key, String what) {
    return values.stream()
        .collect(
            Collectors.toUnmodifiableMap(
                key,
                Function.identity(),
                (x, y) -> {
                  throw new IllegalArgumentException("two " + what + "s share the id "
                      + key.apply(x));
                }));
  }

  public Optional<Site> site(SiteId id) {
    return Optional.ofNullable(sites.get(id));
  }

  /** The site, or an {@link IllegalArgumentException} that lists the known sites. */
  public Site requireSite(SiteId id) {
    Site site = sites.get(id);
    if (site == null) {
      throw new IllegalArgumentException(
          "unknown site '" + id + "'; known sites: " + sites.keySet().stream().sorted().toList());
    }
    return site;
  }

  public List<Site> sites() {
    return sites.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public List<RoadmNode> roadms() {
    return roadms.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public RoadmNode roadm(NodeId id) {
    RoadmNode roadm = roadms.get(id);
    if (roadm == null) {
      throw new IllegalArgumentException("unknown ROADM " + id);
    }
    return roadm;
  }

  public List<Fiber> fibers() {
    return fibers.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public Fiber fiber(FiberId id) {
    Fiber fiber = fibers.get(id);
    if (fiber == null) {
      throw new IllegalArgumentException(
          "unknown fiber '" + id + "'; known fibers: " + fibers.keySet().stream().sorted().toList());
    }
    return fiber;
  }

  public List<Transponder> transponders() {
    return transponders.values().stream().sorted((a, b) -> a.id().compareTo(b.id())).toList();
  }

  public Transponder transponder(TransponderId id) {
    Transponder xponder = transponders.get(id);
    if (xponder == null) {
      throw new IllegalArgumentException("unknown transponder " + id);
    }
    return xponder;
  }

  /** The xponders of one class at one site. */
  public List<Transponder> transponders(SiteId site, TransponderClass kind) {
    return transponders().stream()
        .filter(t -> t.site().equals(site) && t.kind() == kind)
        .toList();
  }
}
