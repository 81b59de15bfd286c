package org.ferry.simulation;

import java.time.Duration;
import java.util.Objects;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;

/**
 * How the simulated layer behaves.
 *
 * @param lightpathSetup time from a service request to in-service. TransportPCE on real OLM
 *     timers takes about 300 s; on emulated devices with short timers, about 20 s (its own
 *     functional tests wait 20 s). The default is the short one.
 * @param lightpathDelete time to tear a service down
 * @param flowModLatency time for a switch to apply a flow change (flow-mod plus barrier); the
 *     calibrated model's {@code flowChange} assumes the default, 20 ms
 * @param fixedGridChannels 50 GHz channels per fibre, highest frequency given first
 * @param noise relative spread of simulated phase durations around the model's prediction (0.05 =
 *     ±5 %); 0 plays the model's figures exactly
 * @param seed seeds the noise, so that runs repeat exactly
 * @param uesPerUserPlane UEs attached through each user-plane VNF, as the probe counts them
 * @param openVpnReconnect time an OpenVPN backhaul tunnel takes to reconnect after a move
 *     (about 8 s in the reference study)
 * @param floatingIpReassociation time for a floating IP to follow the VNF to its new port
 */
public record SimulationSettings(
    Duration lightpathSetup,
    Duration lightpathDelete,
    Duration flowModLatency,
    int fixedGridChannels,
    double noise,
    long seed,
    int uesPerUserPlane,
    Duration openVpnReconnect,
    Duration floatingIpReassociation) {

  public SimulationSettings {
    Objects.requireNonNull(lightpathSetup, "lightpathSetup");
    Objects.requireNonNull(lightpathDelete, "lightpathDelete");
    Objects.requireNonNull(flowModLatency, "flowModLatency");
    Objects.requireNonNull(openVpnReconnect, "openVpnReconnect");
    Objects.requireNonNull(floatingIpReassociation, "floatingIpReassociation");
    if (fixedGridChannels < 1 || fixedGridChannels > 96) {
      throw new IllegalArgumentException(
          "fixed-grid channels per fibre must be 1 to 96 (the C band on a 50 GHz grid), got "
              + fixedGridChannels);
    }
    if (!(noise >= 0 && noise < 0.5)) {
      throw new IllegalArgumentException("noise must be in [0, 0.5), got " + noise);
    }
    if (uesPerUserPlane < 0) {
      throw new IllegalArgumentException("UEs per user plane must be 0 or more");
    }
  }

  public static SimulationSettings defaults() {
    return new SimulationSettings(
        Duration.ofSeconds(20),
        Duration.ofSeconds(5),
        Durations.ofMillis(20),
        96,
        0.05,
        42,
        10,
        BackhaulInterface.OPENVPN.typicalReconnect(),
        BackhaulInterface.FLOATING_IP.typicalReconnect());
  }

  public SimulationSettings withChannels(int channels) {
    return new SimulationSettings(lightpathSetup, lightpathDelete, flowModLatency, channels, noise,
        seed, uesPerUserPlane, openVpnReconnect, floatingIpReassociation);
  }

  /** The same settings with another seed for the noise, for repetitions of a run. */
  public SimulationSettings withSeed(long newSeed) {
    return new SimulationSettings(lightpathSetup, lightpathDelete, flowModLatency,
        fixedGridChannels, noise, newSeed, uesPerUserPlane, openVpnReconnect,
        floatingIpReassociation);
  }

  public SimulationSettings withNoise(double newNoise) {
    return new SimulationSettings(lightpathSetup, lightpathDelete, flowModLatency,
        fixedGridChannels, newNoise, seed, uesPerUserPlane, openVpnReconnect,
        floatingIpReassociation);
  }
}
