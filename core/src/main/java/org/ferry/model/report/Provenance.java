package org.ferry.model.report;

/** Where a figure came from. Every figure in a report carries one, all the way to the output. */
public enum Provenance {
  /** Measured on real parts (a real QEMU, CRIU, link or probe). */
  MEASURED,
  /** Predicted by a migration model before the move. */
  PREDICTED,
  /** Produced by the simulated layer (the digital twin), in virtual time. */
  SIMULATED;

  public String displayName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
