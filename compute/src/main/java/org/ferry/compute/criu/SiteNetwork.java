package org.ferry.compute.criu;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.ferry.model.network.HostId;
import org.ferry.model.vnf.Placement;
import org.ferry.testbed.net.TestbedLayout;

/**
 * How a container host at one site is wired: the site's network namespace, the bridge that its
 * containers' veths plug into, and the host's own address on that bridge (from which images and
 * lazy pages cross the lightpath).
 *
 * @param placement the host
 * @param netns the name of the site's namespace under /run/netns
 * @param bridge the bridge in it
 * @param hostAddress the host's address on the bridge, without prefix
 */
public record SiteNetwork(Placement placement, String netns, String bridge, String hostAddress) {

  public SiteNetwork {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(netns, "netns");
    Objects.requireNonNull(bridge, "bridge");
    Objects.requireNonNull(hostAddress, "hostAddress");
  }

  /** The testbed's two compute sites, with one host each ({@code a-host-1}, {@code b-host-1}). */
  public static List<SiteNetwork> of(TestbedLayout layout) {
    return layout.sites().stream().map(SiteNetwork::of).toList();
  }

  /** One testbed site, with its one host. */
  public static SiteNetwork of(TestbedLayout.SiteNet site) {
    String tag = site.site().value().replaceFirst("^site-", "");
    return new SiteNetwork(new Placement(site.site(), HostId.of(tag + "-host-1")),
        site.namespace(), site.bridge(), site.hostAddress());
  }

  public Path netnsPath() {
    return Path.of("/run/netns", netns);
  }
}
