package org.ferry.inventory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
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
import org.ferry.model.network.Topology;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Distance;

/**
 * Reads the physical network of an inventory: {@code sites} (with their hosts and VIM drivers),
 * {@code switches}, {@code roadms}, {@code fibers} and {@code xponders}, checking every reference
 * between them.
 */
final class NetworkReader {

  record SiteDraft(SiteId id, Site.Role role, List<Host> hosts) {}

  final Declared<SiteId, SiteDraft> sites = new Declared<>("site");
  final Declared<HostId, Host> hosts = new Declared<>("host");
  final Declared<SwitchId, SiteId> switches = new Declared<>("switch", "switches");
  final Declared<NodeId, RoadmNode> roadms = new Declared<>("ROADM");
  final Declared<FiberId, Fiber> fibers = new Declared<>("fiber");
  final Declared<TransponderId, Transponder> xponders = new Declared<>("xponder");
  final Map<HostId, VimDriver> drivers = new LinkedHashMap<>();
  /** Per RAN site, its backhaul lightpaths and where each is named (checked once they are read). */
  final Map<SiteId, Map<LightpathId, Node>> backhaul = new LinkedHashMap<>();

  private final Problems problems;

  NetworkReader(Problems problems) {
    this.problems = problems;
  }

  void read(Node root) {
    root.list("sites", true).forEach(this::site);
    root.list("switches", true).forEach(this::tor);
    root.list("roadms", true).forEach(this::roadm);
    root.list("fibers", false).forEach(this::fiber);
    root.list("xponders", false).forEach(this::xponder);
  }

  private void site(Node n) {
    if (!n.object(Set.of("id", "role", "hosts", "backhaul"))) {
      return;
    }
    Optional<SiteId> id = n.value("id", true, SiteId::of);
    Optional<Site.Role> role = n.value("role", true, NetworkReader::role);
    List<Host> siteHosts = new ArrayList<>();
    for (Node h : n.list("hosts", false)) {
      id.ifPresent(site -> host(h, site).ifPresent(siteHosts::add));
    }
    Map<LightpathId, Node> lightpaths = new LinkedHashMap<>();
    for (Node b : n.list("backhaul", false)) {
      b.asText().flatMap(text -> parse(b, () -> LightpathId.of(text)))
          .ifPresent(lp -> lightpaths.put(lp, b));
    }
    if (id.isEmpty() || role.isEmpty()) {
      return;
    }
    if (role.get() == Site.Role.RAN && !siteHosts.isEmpty()) {
      n.field("hosts").error("a RAN site hosts no functions; declare hosts at a compute site");
    }
    if (role.get() == Site.Role.COMPUTE && !lightpaths.isEmpty()) {
      n.field("backhaul").error("only a RAN site has a backhaul; a compute site's lightpaths"
          + " are listed under lightpaths");
    }
    if (sites.declare(id.get(), new SiteDraft(id.get(), role.get(), siteHosts), n)
        && role.get() == Site.Role.RAN) {
      backhaul.put(id.get(), lightpaths);
    }
  }

  private Optional<Host> host(Node n, SiteId site) {
    if (!n.object(Set.of("id", "vcpus", "memory-mib", "vim"))) {
      return Optional.empty();
    }
    Optional<HostId> id = n.value("id", true, HostId::of);
    Optional<Integer> vcpus = n.integer("vcpus", true, 1);
    Optional<Integer> memory = n.integer("memory-mib", true, 1);
    VimDriver driver = VimDriver.SIMULATED;
    if (n.has("vim")) {
      Node vim = n.field("vim");
      if (vim.object(Set.of("driver", "settings"))) {
        Optional<String> name = vim.value("driver", true, NetworkReader::driverName);
        driver = name.map(d -> new VimDriver(d, vim.settings("settings"))).orElse(driver);
      }
    }
    if (id.isEmpty() || vcpus.isEmpty() || memory.isEmpty()) {
      return Optional.empty();
    }
    Host host = new Host(id.get(), site, vcpus.get(), DataSize.ofMebibytes(memory.get()));
    if (!hosts.declare(id.get(), host, n)) {
      return Optional.empty();
    }
    drivers.put(id.get(), driver);
    return Optional.of(host);
  }

  private void tor(Node n) {
    if (!n.object(Set.of("id", "site"))) {
      return;
    }
    Optional<SwitchId> id = n.value("id", true, SwitchId::of);
    Optional<SiteId> site = n.value("site", true, SiteId::of);
    if (id.isEmpty() || site.isEmpty() || sites.resolve(site.get(), n, "site").isEmpty()) {
      return;
    }
    Optional<SwitchId> other = switches.all().entrySet().stream()
        .filter(e -> e.getValue().equals(site.get())).map(Map.Entry::getKey).findFirst();
    if (other.isPresent()) {
      n.field("site").error("site '" + site.get() + "' already has top-of-rack switch '"
          + other.get() + "'; Ferry steers each site through one switch");
      return;
    }
    switches.declare(id.get(), site.get(), n);
  }

  private void roadm(Node n) {
    if (!n.object(Set.of("id", "site", "degrees", "srgs"))) {
      return;
    }
    Optional<NodeId> id = n.value("id", true, NodeId::of);
    Optional<SiteId> site = n.value("site", true, SiteId::of);
    Optional<Integer> degrees = n.integer("degrees", true, 1);
    int srgs = n.integer("srgs", false, 1).orElse(1);
    if (id.isPresent() && site.isPresent() && degrees.isPresent()
        && sites.resolve(site.get(), n, "site").isPresent()) {
      roadms.declare(id.get(), new RoadmNode(id.get(), site.get(), degrees.get(), srgs), n);
    }
  }

  private void fiber(Node n) {
    if (!n.object(Set.of("id", "a", "z", "length-km"))) {
      return;
    }
    Optional<FiberId> id = n.value("id", true, FiberId::of);
    Optional<Degree> a = end(n.field("a"));
    Optional<Degree> z = end(n.field("z"));
    Optional<Double> km = n.number("length-km", true, 0, true);
    if (id.isEmpty() || a.isEmpty() || z.isEmpty() || km.isEmpty()) {
      return;
    }
    if (a.get().roadm().equals(z.get().roadm())) {
      n.field("z").error("a fibre joins two different ROADMs; both ends are at "
          + a.get().roadm());
      return;
    }
    for (var end : List.of(Map.entry("a", a.get()), Map.entry("z", z.get()))) {
      for (Fiber other : fibers.all().values()) {
        if (other.a().equals(end.getValue()) || other.z().equals(end.getValue())) {
          n.field(end.getKey()).error("degree " + end.getValue() + " already carries fiber '"
              + other.id() + "'; each degree takes one fibre pair");
          return;
        }
      }
    }
    fibers.declare(id.get(),
        new Fiber(id.get(), a.get(), z.get(), Distance.ofKilometres(km.get())), n);
  }

  private Optional<Degree> end(Node n) {
    if (!n.object(Set.of("roadm", "degree"))) {
      return Optional.empty();
    }
    Optional<NodeId> roadm = n.value("roadm", true, NodeId::of);
    Optional<Integer> degree = n.integer("degree", true, 1);
    if (roadm.isEmpty() || degree.isEmpty()) {
      return Optional.empty();
    }
    Optional<RoadmNode> node = roadms.resolve(roadm.get(), n, "roadm");
    if (node.isPresent() && degree.get() > node.get().degreeCount()) {
      n.field("degree").error("ROADM '" + roadm.get() + "' has " + node.get().degreeCount()
          + " degrees, no degree " + degree.get() + "; raise its degrees or pick 1 to "
          + node.get().degreeCount());
      return Optional.empty();
    }
    return node.map(r -> new Degree(r.id(), degree.get()));
  }

  private void xponder(Node n) {
    if (!n.object(Set.of("id", "class", "site", "roadm", "port"))) {
      return;
    }
    Optional<TransponderId> id = n.value("id", true, TransponderId::of);
    Optional<TransponderClass> kind = n.value("class", true, NetworkReader::xponderClass);
    Optional<SiteId> site = n.value("site", true, SiteId::of);
    Optional<NodeId> roadm = n.value("roadm", true, NodeId::of);
    Optional<SwitchPort> port = switchPort(n.field("port"));
    if (id.isEmpty() || kind.isEmpty() || site.isEmpty() || roadm.isEmpty() || port.isEmpty()
        || sites.resolve(site.get(), n, "site").isEmpty()) {
      return;
    }
    Optional<RoadmNode> node = roadms.resolve(roadm.get(), n, "roadm");
    if (node.isPresent() && !node.get().site().equals(site.get())) {
      n.field("roadm").error("ROADM '" + roadm.get() + "' stands at " + node.get().site()
          + "; an xponder drops into a ROADM at its own site " + site.get());
      return;
    }
    Optional<SiteId> torSite = switches.get(port.get().switchId());
    if (torSite.isPresent() && !torSite.get().equals(site.get())) {
      n.field("port").field("switch").error("switch '" + port.get().switchId() + "' stands at "
          + torSite.get() + "; an xponder plugs into its own site's switch");
      return;
    }
    if (node.isPresent()) {
      xponders.declare(id.get(),
          new Transponder(id.get(), site.get(), roadm.get(), kind.get(), port.get()), n);
    }
  }

  private Optional<SwitchPort> switchPort(Node n) {
    if (!n.object(Set.of("switch", "number"))) {
      return Optional.empty();
    }
    Optional<SwitchId> tor = n.value("switch", true, SwitchId::of);
    Optional<Integer> number = n.integer("number", true, 1);
    if (tor.isEmpty() || number.isEmpty() || switches.resolve(tor.get(), n, "switch").isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SwitchPort(tor.get(), number.get()));
  }

  /** The topology, once everything read is consistent; empty if anything is not. */
  Optional<Topology> topology(Node root) {
    List<Site> built = new ArrayList<>();
    Map<SiteId, SwitchId> torOf = new HashMap<>();
    switches.all().forEach((tor, site) -> torOf.put(site, tor));
    for (SiteDraft site : sites.all().values()) {
      SwitchId tor = torOf.get(site.id());
      if (tor == null) {
        root.field("switches").error("site '" + site.id() + "' has no top-of-rack switch;"
            + " declare one with site: " + site.id());
        continue;
      }
      built.add(new Site(site.id(), site.role(), tor, site.hosts()));
    }
    if (problems.any()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Topology(built, List.copyOf(roadms.all().values()),
          List.copyOf(fibers.all().values()), List.copyOf(xponders.all().values())));
    } catch (IllegalArgumentException e) {
      root.error(e.getMessage());
      return Optional.empty();
    }
  }

  private static Site.Role role(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "compute" -> Site.Role.COMPUTE;
      case "ran" -> Site.Role.RAN;
      default -> throw new IllegalArgumentException(
          "unknown site role '" + text + "'; expected compute or ran");
    };
  }

  private static String driverName(String text) {
    String name = text.toLowerCase(Locale.ROOT);
    if (!VimDriver.KNOWN.contains(name)) {
      throw new IllegalArgumentException("unknown VIM driver '" + text + "'; known drivers: "
          + String.join(", ", VimDriver.KNOWN));
    }
    return name;
  }

  static TransponderClass xponderClass(String text) {
    for (TransponderClass c : TransponderClass.values()) {
      if (className(c).equalsIgnoreCase(text)) {
        return c;
      }
    }
    throw new IllegalArgumentException("unknown xponder class '" + text + "'; expected one of "
        + String.join(", ", Arrays.stream(TransponderClass.values())
            .map(NetworkReader::className).toList()));
  }

  static String className(TransponderClass c) {
    return c.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static <T> Optional<T> parse(Node at, Supplier<T> parse) {
    try {
      return Optional.of(parse.get());
    } catch (IllegalArgumentException e) {
      at.error(e.getMessage());
      return Optional.empty();
    }
  }
}
