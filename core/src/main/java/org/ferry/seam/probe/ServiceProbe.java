package org.ferry.seam.probe;

import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;

/**
 * Watches the service a VNF gives: whether it answers, and how UEs attached through it fare
 * (a gNB/UE probe in the RAN sending echoes through their GTP tunnels).
 */
public interface ServiceProbe {

  /** Whether the VNF answers at {@code at} through the backhaul, as the RAN sees it now. */
  boolean answers(Vnf vnf, Placement at);

  /** Starts watching the UEs served by {@code vnf}; stop the watch to read what it saw. */
  UeWatch watch(Vnf vnf);
}
