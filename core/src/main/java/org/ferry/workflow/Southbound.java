package org.ferry.workflow;

import java.util.Objects;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.packet.FlowController;
import org.ferry.seam.probe.ServiceProbe;
import org.ferry.store.VnfStore;
import org.ferry.time.TimeSource;

/**
 * Everything the workflows drive and read: the three layers, the probe, the inventory and the
 * clock. Simulated, emulated or real: the workflows cannot tell.
 *
 * @param optical the optical controller
 * @param flows the packet controller
 * @param compute the VIMs
 * @param probe the service probe
 * @param vnfs the inventory
 * @param time the clock
 */
public record Southbound(
    OpticalController optical,
    FlowController flows,
    ComputeLayer compute,
    ServiceProbe probe,
    VnfStore vnfs,
    TimeSource time) {

  public Southbound {
    Objects.requireNonNull(optical, "optical");
    Objects.requireNonNull(flows, "flows");
    Objects.requireNonNull(compute, "compute");
    Objects.requireNonNull(probe, "probe");
    Objects.requireNonNull(vnfs, "vnfs");
    Objects.requireNonNull(time, "time");
  }
}
