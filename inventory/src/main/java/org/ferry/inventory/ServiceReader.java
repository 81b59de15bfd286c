package org.ferry.inventory;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Transponder;
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.StateFigures;
import org.ferry.model.vnf.VnfKind;

/**
 * Reads what runs over the network: the {@code optical-controller}, the {@code lightpaths} in
 * service, the RAN sites' backhaul, and the {@code kinds} of VNF the file declares. The VNFs
 * themselves are {@link VnfReader}'s.
 */
final class ServiceReader {

  final Declared<LightpathId, LightpathSpec> lightpaths = new Declared<>("lightpath");
  final List<VnfKind> kinds = new ArrayList<>(VnfKind.shipped());
  OpticalControllerSpec optical = OpticalControllerSpec.SIMULATED;

  private final NetworkReader network;

  ServiceReader(NetworkReader network) {
    this.network = network;
  }

  void read(Node root) {
    if (root.has("optical-controller")) {
      optical(root.field("optical-controller"));
    }
    root.list("lightpaths", false).forEach(this::lightpath);
    checkBackhaul();
    root.list("kinds", false).forEach(this::kind);
  }

  private void optical(Node n) {
    if (!n.object(Set.of("type", "url", "user", "password-file", "password-env", "ca-file",
        "password", "token"))) {
      return;
    }
    for (String inline : List.of("password", "token")) {
      if (n.has(inline)) {
        n.field(inline).error("is never written in the inventory; put it in a file"
            + " (password-file: PATH) or an environment variable (password-env: NAME)");
      }
    }
    Optional<String> type = n.value("type", true, t -> {
      if (!OpticalControllerSpec.TYPES.contains(t)) {
        throw new IllegalArgumentException("unknown optical controller type '" + t
            + "'; expected one of " + String.join(", ", OpticalControllerSpec.TYPES));
      }
      return t;
    });
    Optional<URI> url = n.value("url", false, ServiceReader::httpUrl);
    Optional<String> user = n.text("user", false);
    Optional<Path> passwordFile = n.value("password-file", false, Path::of);
    Optional<String> passwordEnv = n.text("password-env", false);
    Optional<Path> caFile = n.value("ca-file", false, Path::of);
    if (type.isEmpty()) {
      return;
    }
    if (type.get().equals("transportpce") && !n.has("url")) {
      n.field("url").error("required for a transportpce controller, e.g."
          + " http://controller:8181/rests");
    }
    if (passwordFile.isPresent() && passwordEnv.isPresent()) {
      n.field("password-env").error("give the password one way: password-file or"
          + " password-env, not both");
    }
    if (caFile.isPresent() && url.isPresent() && !"https".equals(url.get().getScheme())) {
      n.field("ca-file").error("only used for an https url; the url is " + url.get());
    }
    optical = new OpticalControllerSpec(type.get(), url, user, passwordFile, passwordEnv, caFile);
  }

  private static URI httpUrl(String text) {
    URI uri = URI.create(text);
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new IllegalArgumentException("must be an http or https URL with a host, e.g."
          + " http://controller:8181/rests, got '" + text + "'");
    }
    return uri;
  }

  private void lightpath(Node n) {
    if (!n.object(Set.of("id", "a", "z", "restorable"))) {
      return;
    }
    Optional<LightpathId> id = n.value("id", true, LightpathId::of);
    Optional<TransponderId> a = n.value("a", true, TransponderId::of);
    Optional<TransponderId> z = n.value("z", true, TransponderId::of);
    boolean restorable = n.bool("restorable").orElse(true);
    if (id.isEmpty() || a.isEmpty() || z.isEmpty()) {
      return;
    }
    Optional<Transponder> ax = network.xponders.resolve(a.get(), n, "a");
    Optional<Transponder> zx = network.xponders.resolve(z.get(), n, "z");
    if (ax.isEmpty() || zx.isEmpty()) {
      return;
    }
    if (ax.get().site().equals(zx.get().site())) {
      n.field("z").error("both ends are at " + ax.get().site() + "; a lightpath joins two sites");
      return;
    }
    if (ax.get().kind() != zx.get().kind()) {
      n.field("z").error("xponder '" + z.get() + "' is a "
          + NetworkReader.className(zx.get().kind()) + " but '" + a.get() + "' is a "
          + NetworkReader.className(ax.get().kind()) + "; both ends must be of one class");
      return;
    }
    for (LightpathSpec other : lightpaths.all().values()) {
      for (TransponderId end : List.of(a.get(), z.get())) {
        if (other.a().equals(end) || other.z().equals(end)) {
          n.error("xponder '" + end + "' already ends lightpath '" + other.id()
              + "'; an xponder carries one lightpath");
          return;
        }
      }
    }
    lightpaths.declare(id.get(), new LightpathSpec(id.get(), a.get(), z.get(), restorable), n);
  }

  private void checkBackhaul() {
    network.backhaul.forEach((site, named) -> named.forEach((id, where) -> {
      Optional<LightpathSpec> lp = lightpaths.get(id);
      if (lp.isEmpty()) {
        where.error("refers to lightpath '" + id + "', which is not declared under"
            + " lightpaths; declared lightpaths: "
            + (lightpaths.ids().isEmpty() ? "none" : lightpaths.keys()));
        return;
      }
      boolean touches = List.of(lp.get().a(), lp.get().z()).stream()
          .map(network.xponders::get).flatMap(Optional::stream)
          .anyMatch(x -> x.site().equals(site));
      if (!touches) {
        where.error("lightpath '" + id + "' has no end at " + site + ", so it is not this"
            + " site's backhaul");
      }
    }));
  }

  private void kind(Node n) {
    if (!n.object(Set.of("name", "user-plane", "move-order", "dirty-rate-mbps", "processes"))) {
      return;
    }
    Optional<String> name = n.text("name", true);
    boolean userPlane = n.bool("user-plane").orElse(false);
    Optional<Integer> order = n.integer("move-order", false, 0);
    Optional<Double> dirty = n.number("dirty-rate-mbps", false, 0, true);
    Optional<Integer> processes = n.integer("processes", false, 1);
    if (name.isEmpty()) {
      return;
    }
    VnfKind base;
    try {
      base = VnfKind.declared(name.get(), userPlane);
    } catch (IllegalArgumentException e) {
      n.field("name").error(e.getMessage());
      return;
    }
    Optional<VnfKind> clash = VnfKind.find(base.name(), kinds);
    if (clash.isPresent()) {
      n.field("name").error("kind " + base.name() + (VnfKind.shipped().contains(clash.get())
          ? " ships with Ferry; use it without declaring it, or pick another name"
          : " is declared twice; kinds must be unique"));
      return;
    }
    StateFigures state = StateFigures.derived(
        dirty.map(DataRate::ofMbps).orElse(base.state().dirtyRate()),
        processes.orElse(base.state().processes()));
    kinds.add(new VnfKind(base.name(), userPlane, order.orElse(base.moveOrder()), state));
  }

  /** The backhaul of each RAN site, in document order. */
  Map<SiteId, List<LightpathId>> backhaul() {
    Map<SiteId, List<LightpathId>> out = new LinkedHashMap<>();
    network.backhaul.forEach((site, named) -> out.put(site, List.copyOf(named.keySet())));
    return out;
  }
}
