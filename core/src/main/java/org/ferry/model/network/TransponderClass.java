package org.ferry.model.network;

import java.time.Duration;
import org.ferry.model.unit.DataRate;

/**
 * The kinds of OpenROADM xponder at the ends of a lightpath. A lightpath carries what its client
 * ports carry, so the client rate is the rate Ferry plans with; the line rate is what the optical
 * channel runs at.
 */
public enum TransponderClass {
  /** Switchponder of the management network: 1G clients over a 10G line (1G-10G-1G). */
  SWITCHPONDER_1G(NetworkRole.MANAGEMENT, DataRate.ofGbps(1), DataRate.ofGbps(10), micros(5)),
  /** Switchponder of a 10G management network, as in the datacenter testbed (10G-100G-10G). */
  SWITCHPONDER_10G(NetworkRole.MANAGEMENT, DataRate.ofGbps(10), DataRate.ofGbps(100), micros(5)),
  /** Transponder of the tenant network: 40G clients over a 100G line (40G-100G-40G). */
  TRANSPONDER_100G(NetworkRole.TENANT, DataRate.ofGbps(40), DataRate.ofGbps(100), micros(10));

  /** Which Ethernet network an xponder serves. */
  public enum NetworkRole {
    /** Operations traffic: VIM control, migration streams, checkpoint images. */
    MANAGEMENT,
    /** The mobile backhaul and the VNFs' own traffic (S1, S6a, GTP). */
    TENANT
  }

  private final NetworkRole role;
  private final DataRate clientRate;
  private final DataRate lineRate;
  private final Duration equipmentLatency;

  TransponderClass(
      NetworkRole role, DataRate clientRate, DataRate lineRate, Duration equipmentLatency) {
    this.role = role;
    this.clientRate = clientRate;
    this.lineRate = lineRate;
    this.equipmentLatency = equipmentLatency;
  }

  public NetworkRole role() {
    return role;
  }

  /** The rate available to traffic entering the lightpath. */
  public DataRate clientRate() {
    return clientRate;
  }

  public DataRate lineRate() {
    return lineRate;
  }

  /**
   * One-way latency one xponder adds (framing, FEC, client mapping). A lightpath has two, one at
   * each end. These are typical figures for the class, not measurements.
   */
  public Duration equipmentLatency() {
    return equipmentLatency;
  }

  private static Duration micros(long micros) {
    return Duration.ofNanos(micros * 1_000);
  }
}
