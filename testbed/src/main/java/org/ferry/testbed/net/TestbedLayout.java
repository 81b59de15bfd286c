package org.ferry.testbed.net;

import java.util.List;
import java.util.Objects;
import org.ferry.model.network.SiteId;

/**
 * The names and addresses of one testbed. Every namespace starts with the prefix, so that two
 * testbeds (a user's and a test's) never collide; names inside a namespace are fixed.
 *
 * <pre>
 * ran:ran0 10.0.0.1 ── site-a:ran-a ⊂ br-a(10.0.0.2) ⊃ lp-a ── wan:wa ⊂ br-w ⊃ wb ── site-b:lp-b ⊂ br-b(10.0.0.3)
 * </pre>
 *
 * One L2 segment (10.0.0.0/24) spans the lightpath, so a guest keeps its address when it moves.
 * The lightpath is its own namespace, where every inter-site frame is forwarded, so that shaping
 * and delay catch all of it, host-originated migration streams included.
 *
 * @param prefix namespace prefix, e.g. {@code ferry}
 */
public record TestbedLayout(String prefix) {

  /** The default testbed, as {@code ferry testbed up} creates it. */
  public static final TestbedLayout DEFAULT = new TestbedLayout("ferry");

  public static final SiteId SITE_A = SiteId.of("site-a");
  public static final SiteId SITE_B = SiteId.of("site-b");
  public static final SiteId RAN = SiteId.of("ran");

  public TestbedLayout {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("[a-z][a-z0-9-]{0,20}")) {
      throw new IllegalArgumentException("testbed prefix must be lower-case letters, digits or '-'"
          + " (at most 21), got '" + prefix + "'");
    }
  }

  /** One compute site: its namespace, bridge and host address on the shared segment. */
  public record SiteNet(SiteId site, String namespace, String bridge, String hostAddress,
      String bridgeMac, String lightpathPort, String wanPort) {}

  public SiteNet siteA() {
    return new SiteNet(SITE_A, prefix + "-site-a", "br-a", "10.0.0.2", "02:00:00:00:0a:01",
        "lp-a", "wa");
  }

  public SiteNet siteB() {
    return new SiteNet(SITE_B, prefix + "-site-b", "br-b", "10.0.0.3", "02:00:00:00:0b:01",
        "lp-b", "wb");
  }

  public List<SiteNet> sites() {
    return List.of(siteA(), siteB());
  }

  /** The compute site with that id. */
  public SiteNet site(SiteId id) {
    return sites().stream().filter(s -> s.site().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "the testbed has no compute site " + id + "; it has site-a and site-b"));
  }

  public String ranNamespace() {
    return prefix + "-ran";
  }

  public String ranAddress() {
    return "10.0.0.1";
  }

  public String wanNamespace() {
    return prefix + "-wan";
  }

  public String wanBridge() {
    return "br-w";
  }

  public List<String> namespaces() {
    return List.of(ranNamespace(), siteA().namespace(), siteB().namespace(), wanNamespace());
  }

  /** Prefix length of the shared segment. */
  public int prefixLength() {
    return 24;
  }
}
