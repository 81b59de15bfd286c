package org.ferry.simulation;

import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Vnf;
import org.ferry.seam.probe.ServiceProbe;
import org.ferry.seam.probe.UeWatch;

/**
 * A simulated gNB/UE probe: a VNF answers when the twin says it serves; a UE watch reports the
 * longest gap in that service since the watch began.
 */
public final class SimulatedServiceProbe implements ServiceProbe {

  private final SimulatedWorld world;

  SimulatedServiceProbe(SimulatedWorld world) {
    this.world = world;
  }

  @Override
  public boolean answers(Vnf vnf, Placement at) {
    return world.answers(vnf.id(), at);
  }

  @Override
  public UeWatch watch(Vnf vnf) {
    return world.watch(vnf.id());
  }
}
