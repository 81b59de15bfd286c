package org.ferry.model.network;

import org.ferry.model.Names;

/**
 * The compute site a move runs on, as far as the migration models need to know it: how fast its
 * CPUs checkpoint, restore and push a migration stream, and which management network joins its
 * hosts to the other site's.
 */
public enum Testbed {
  /**
   * The reference study's optical testbed: Sandy Bridge Xeon E5-2680 servers, management network
   * over 1G-10G-1G switchponder lightpaths. Every calibration figure comes from here, so its CPU is
   * the unit of {@link #cpuSpeed()}.
   */
  OPENROADM(1.0, TransponderClass.SWITCHPONDER_1G),
  /**
   * The reference study's datacenter: Broadwell Xeon servers on a 10G management network, no
   * optical backhaul. Its CPU speed of 1.5 is an estimate (per-core speed and memory bandwidth of
   * Broadwell against Sandy Bridge), not a measurement: the study says only that checkpoint and
   * restore run faster there.
   */
  DATACENTER(1.5, TransponderClass.SWITCHPONDER_10G);

  private final double cpuSpeed;
  private final TransponderClass management;

  Testbed(double cpuSpeed, TransponderClass management) {
    this.cpuSpeed = cpuSpeed;
    this.management = management;
  }

  /** Parses "openroadm" or "datacenter", with an error that lists both. */
  public static Testbed parse(String text) {
    return Names.parse(Testbed.class, text, "testbed", Names::kebab);
  }

  /**
   * How fast the site's CPUs do CPU-bound migration work (dump, restore, the sender's migration
   * thread, the VIM's bookkeeping), relative to the optical testbed's: 1.5 means 1.5 times as
   * fast.
   */
  public double cpuSpeed() {
    return cpuSpeed;
  }

  /** The xponder class of the management network a migration stream takes. */
  public TransponderClass management() {
    return management;
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
