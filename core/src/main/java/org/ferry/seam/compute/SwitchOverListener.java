package org.ferry.seam.compute;

import org.ferry.model.vnf.Placement;

/**
 * Told the moment a migrating VNF runs at its destination: after the last pre-copy round, the
 * post-copy switch-over, or the container restore. The workflow steers the backhaul to the new
 * site right then, instead of waiting for page pulls and VIM bookkeeping to finish.
 */
@FunctionalInterface
public interface SwitchOverListener {

  /**
   * Called once, on the migrating thread, while the migration call is still running.
   *
   * @param destination where the VNF now runs
   */
  void switchedOver(Placement destination);

  SwitchOverListener NONE = destination -> {};
}
