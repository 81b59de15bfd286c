package org.ferry.testbed.net;

import java.util.ArrayList;
import java.util.List;

/**
 * The scheduling priority of what stands for a machine of its own on the testbed: the network
 * functions (guests, containers) and the RAN's UEs. On the testbed they share two cores with the
 * controller (Ferry and the optical emulator); on a real network each runs on its own host, where
 * the controller's bursts of work (restoration, planning) cannot take their CPU. Started at nice
 * -5, they keep the CPU they would have on their own machines whenever the controller is busy.
 *
 * <p>Measured on the VM testbed demo (18 runs at nice -5 against 20 runs at equal priority): the
 * UEs' longest gap during the SPGW's move fell from a median of 0.22 s (at most 0.33 s) to 0.17 s
 * (at most 0.19 s), and the longest gap over the whole run from 0.27-0.54 s to 0.23-0.46 s.
 */
public final class HostPriority {

  /** The nice value: above the controller (0), still below the kernel's own threads. */
  public static final int NICE = -5;

  private HostPriority() {}

  /** {@code argv} run at the priority of a separate host. */
  public static List<String> ofSeparateHost(List<String> argv) {
    List<String> line = new ArrayList<>(List.of("nice", "-n", Integer.toString(NICE)));
    line.addAll(argv);
    return line;
  }
}
