package org.ferry.compute.criu;

import java.nio.file.Path;
import java.util.Objects;
import org.ferry.model.vnf.Placement;

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

  public Path netnsPath() {
    return Path.of("/run/netns", netns);
  }
}
