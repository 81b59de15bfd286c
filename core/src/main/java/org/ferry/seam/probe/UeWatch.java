package org.ferry.seam.probe;

import org.ferry.model.report.ServiceRecovery;

/** A running watch over the UEs served by one VNF. */
public interface UeWatch {

  /** Stops watching and returns what the UEs saw since the watch began. Call once. */
  ServiceRecovery stop();
}
