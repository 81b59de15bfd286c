package org.ferry.optical.emulator;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork;
import org.ferry.optical.pce.PathComputation;
import org.ferry.optical.pce.PathRequest;
import org.ferry.optical.pce.PceResult;
import org.ferry.optical.pce.Spectrum;

/**
 * Where a service would go: the xponder ports at its ends, then the PCE's path. Reserves
 * nothing; the {@link ServiceHandler} takes what it stores, under its lock.
 */
final class ServiceRouting {

  private final OpticalNetwork network;
  private final PathComputation pce;
  private final XponderPorts ports;

  ServiceRouting(OpticalNetwork network, XponderPorts ports) {
    this.network = network;
    this.pce = new PathComputation(network);
    this.ports = ports;
  }

  /**
   * Chooses the xponder ports at both ends (the ones asked for, else free ones), then a path.
   * A port that is in use or unknown leaves no path, as in TransportPCE, whose PCE drops a busy
   * network port from the graph; the reason is kept for the failure notification.
   *
   * @param failedSpans spans that are down
   * @param ignoring port holders whose ports count as free
   */
  Routed route(ServiceInput in, Spectrum spectrum, Set<String> failedSpans,
      Set<String> ignoring) {
    String a = in.aEnd().flatMap(ServiceInput.End::nodeId).orElse("");
    String z = in.zEnd().flatMap(ServiceInput.End::nodeId).orElse("");
    Optional<OpticalNetwork.Xponder> ax = network.xponder(a);
    Optional<OpticalNetwork.Xponder> zx = network.xponder(z);
    XponderPorts.Pair aPorts = null;
    XponderPorts.Pair zPorts = null;
    if (ax.isPresent() && zx.isPresent() && !a.equals(z)) {
      XponderPorts.Choice ca = ports.choose(ax.get(),
          in.aEnd().flatMap(ServiceInput.End::portName), ignoring);
      XponderPorts.Choice cz = ports.choose(zx.get(),
          in.zEnd().flatMap(ServiceInput.End::portName), ignoring);
      for (XponderPorts.Choice c : List.of(ca, cz)) {
        if (c.pair().isEmpty()) {
          return new Routed(PceResult.failed(PceResult.Cause.NO_PATH_EXISTS, PceResult.NO_PATH),
              null, null, Optional.of(c.why()));
        }
      }
      aPorts = ca.pair().get();
      zPorts = cz.pair().get();
    }
    PathRequest request = new PathRequest(a, z, in.rateGbps(), in.metric(),
        in.hard().orElse(org.ferry.optical.pce.Constraints.NONE), failedSpans);
    return new Routed(pce.compute(request, spectrum), aPorts, zPorts, Optional.empty());
  }

  /** A PCE result with the ports chosen at each end (null when there is no path). */
  record Routed(PceResult result, XponderPorts.Pair a, XponderPorts.Pair z,
      Optional<String> refusal) {}
}
