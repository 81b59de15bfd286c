package org.ferry.model.report;

import java.time.Duration;
import java.util.Objects;

/**
 * How attached UEs fared while a VNF moved, as a probe in the RAN saw it.
 *
 * @param ues UEs watched
 * @param longestGap the UE service recovery time: the longest data-plane gap any UE saw
 * @param reattached UEs that lost their session and had to attach again (should be 0)
 * @param source measured or simulated
 */
public record ServiceRecovery(int ues, Duration longestGap, int reattached, Provenance source) {

  public ServiceRecovery {
    Objects.requireNonNull(longestGap, "longestGap");
    Objects.requireNonNull(source, "source");
    if (ues < 0 || reattached < 0 || reattached > ues) {
      throw new IllegalArgumentException(
          "UE counts must satisfy 0 <= reattached <= ues, got " + reattached + " of " + ues);
    }
  }
}
