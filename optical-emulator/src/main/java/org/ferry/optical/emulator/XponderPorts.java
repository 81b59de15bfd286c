package org.ferry.optical.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.ferry.optical.pce.OpenRoadmNames;
import org.ferry.optical.pce.OpticalNetwork.Xponder;

/**
 * Which xponder ports each service holds. A service holds one network port (its wavelength) and
 * one client port at each end; a port held by one service is refused to every other, as
 * TransportPCE's PCE drops a network port whose TP already carries a wavelength. Not
 * thread-safe: the {@link ServiceHandler} lock guards it.
 */
final class XponderPorts {

  /** The ports a service holds at one xponder: {@code XPDR1-NETWORKn} and {@code XPDR1-CLIENTc}. */
  record Pair(int network, int client) {
    String networkTp() {
      return OpenRoadmNames.networkTp(network);
    }

    String clientTp() {
      return OpenRoadmNames.clientTp(client);
    }
  }

  /** The outcome of a choice: the pair, or why there is none. */
  record Choice(Optional<Pair> pair, String why) {
    static Choice of(Pair pair) {
      return new Choice(Optional.of(pair), "");
    }

    static Choice refused(String why) {
      return new Choice(Optional.empty(), why);
    }
  }

  /** Holder of each port, by {@code <xponder>/<tp>}. */
  private final Map<String, String> holders = new HashMap<>();

  /**
   * Chooses the ports for a service at one xponder: the port asked for (a client port and the
   * network port it is wired to, or a network port and its lowest free client), else the lowest
   * free network port with a free client. Reserves nothing.
   *
   * @param asked the {@code port-name} of the request: a TP name such as {@code XPDR1-CLIENT2}
   *     is honoured; a device port name such as {@code 1/0/2-PLUG-CLIENT} (TransportPCE maps
   *     those through its port mapping, which the emulator has not) is ignored, as TransportPCE's
   *     optical PCE does for a transponder, and a free port is picked
   * @param ignoring services whose ports count as free (the service being rerouted)
   */
  Choice choose(Xponder x, Optional<String> asked, Set<String> ignoring) {
    Optional<int[]> tp = asked.flatMap(OpenRoadmNames::parseXponderTp);
    if (tp.isPresent()) {
      boolean network = tp.get()[0] == 1;
      int n = tp.get()[1];
      if (n < 1 || n > (network ? x.networkPorts() : x.clientPorts())) {
        return Choice.refused("port " + asked.get() + " is not a port of " + x.id()
            + " (it has XPDR1-NETWORK1.." + x.networkPorts() + " and XPDR1-CLIENT1.."
            + x.clientPorts() + ")");
      }
      if (!network) {
        Pair pair = new Pair(x.networkPortOf(n), n);
        return free(x, pair.networkTp(), ignoring) && free(x, pair.clientTp(), ignoring)
            ? Choice.of(pair) : Choice.refused(inUse(x, pair, ignoring));
      }
      return clientFor(x, n, ignoring).map(Choice::of).orElseGet(() -> Choice.refused(
          inUse(x, new Pair(n, n), ignoring)));
    }
    for (int n = 1; n <= x.networkPorts(); n++) {
      Optional<Pair> pair = clientFor(x, n, ignoring);
      if (pair.isPresent()) {
        return Choice.of(pair.get());
      }
    }
    return Choice.refused("every network port of " + x.id() + " is in use");
  }

  /** Marks a pair held by a service. */
  void take(String service, Xponder x, Pair pair) {
    holders.put(key(x, pair.networkTp()), service);
    holders.put(key(x, pair.clientTp()), service);
  }

  /** Frees every port a service holds. */
  void release(String service) {
    holders.values().removeIf(service::equals);
  }

  /** The service holding a TP of an xponder, if any. */
  Optional<String> holder(String xponder, String tp) {
    return Optional.ofNullable(holders.get(xponder + "/" + tp));
  }

  private Optional<Pair> clientFor(Xponder x, int network, Set<String> ignoring) {
    if (!free(x, OpenRoadmNames.networkTp(network), ignoring)) {
      return Optional.empty();
    }
    for (int c = 1; c <= x.clientPorts(); c++) {
      if (x.networkPortOf(c) == network && free(x, OpenRoadmNames.clientTp(c), ignoring)) {
        return Optional.of(new Pair(network, c));
      }
    }
    return Optional.empty();
  }

  private boolean free(Xponder x, String tp, Set<String> ignoring) {
    String holder = holders.get(key(x, tp));
    return holder == null || ignoring.contains(holder);
  }

  private String inUse(Xponder x, Pair pair, Set<String> ignoring) {
    String tp = free(x, pair.networkTp(), ignoring) ? pair.clientTp() : pair.networkTp();
    return "port " + tp + " of " + x.id() + " is in use by service '"
        + Objects.requireNonNullElse(holders.get(key(x, tp)), "?") + "'";
  }

  private static String key(Xponder x, String tp) {
    return x.id() + "/" + tp;
  }
}
