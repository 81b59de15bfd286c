package org.ferry.model.network;

/** Operational state of a lightpath, as the OpenROADM service model reports it. */
public enum LightpathState {
  /** Carrying traffic ({@code inService}). */
  IN_SERVICE,
  /** Set up or torn down, or broken by a fault ({@code outOfService}). */
  OUT_OF_SERVICE
}
