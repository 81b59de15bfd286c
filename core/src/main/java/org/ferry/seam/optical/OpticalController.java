package org.ferry.seam.optical;

import java.util.List;
import java.util.Optional;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.Topology;

/**
 * The optical layer as Ferry sees it: lightpaths between sites, their restoration after a fault,
 * and temporary lightpaths set up for a migration. TransportPCE's OpenROADM service model is the
 * reference for the semantics (service-create, temp-service-create, service-restoration).
 *
 * <p>Implementations are thread-safe. Calls block until the controller has answered; they throw
 * {@link org.ferry.seam.SouthboundException} when it cannot be reached or rejects a request.
 */
public interface OpticalController {

  /** The network under the controller. */
  Topology topology();

  /** Every lightpath the controller knows, temporary ones included, in any state. */
  List<Lightpath> lightpaths();

  /** One lightpath, or empty if the controller does not know it. */
  Optional<Lightpath> lightpath(LightpathId id);

  /**
   * Restores a broken lightpath by routing it around the fault, and waits until it is in service
   * or has failed. Not being able to restore is an expected outcome, returned as data.
   *
   * @param id a lightpath the controller knows
   * @return the outcome; {@link RestorationResult#restored()} holds the lightpath as restored
   */
  RestorationResult restore(LightpathId id);

  /**
   * Sets up a temporary lightpath and waits until it is in service.
   *
   * @return the lightpath, in service
   * @throws LightpathSetupException if no path or no spectrum is free, naming the cause
   */
  Lightpath setUpTemporary(TemporaryLightpathRequest request);

  /** Releases a temporary lightpath; releasing one that is gone does nothing. */
  void release(LightpathId id);

  /** Registers a listener for faults and state changes; it is called on the controller's thread. */
  void addListener(OpticalListener listener);
}
