package org.ferry.seam.optical;

/** Receives what the optical controller reports. */
@FunctionalInterface
public interface OpticalListener {

  /** Called once per event, in the order the controller saw them. Must not block for long. */
  void onEvent(OpticalEvent event);
}
