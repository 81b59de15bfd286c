package org.ferry.model.vnf;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;

/**
 * The state one kind of function carries, as measured for some flavors. What is not measured for
 * a flavor the prediction derives from the flavor's memory ({@code VnfStateProfile.reference}).
 *
 * @param vmBytes the bytes a VM move sends (memory in use plus disk image), per measured flavor
 * @param containerImages the size of a CRIU checkpoint of the container, per measured flavor
 * @param dirtyRate how fast the running function rewrites memory
 * @param processes the processes in its container (CRIU walks and dumps each), 1 or more
 */
public record StateFigures(
    Map<Flavor, DataSize> vmBytes,
    Map<Flavor, DataSize> containerImages,
    DataRate dirtyRate,
    int processes) {

  public StateFigures {
    vmBytes = Map.copyOf(vmBytes);
    containerImages = Map.copyOf(containerImages);
    Objects.requireNonNull(dirtyRate, "dirtyRate");
    if (processes < 1) {
      throw new IllegalArgumentException("a container runs 1 process or more, got " + processes);
    }
  }

  /** Figures measured for the small and medium flavors, in MB (10^6 bytes). */
  static StateFigures measured(double vmSmallMb, double vmMediumMb, double containerSmallMb,
      double containerMediumMb, DataRate dirtyRate, int processes) {
    return new StateFigures(
        Map.of(Flavor.SMALL, DataSize.ofMegabytes(vmSmallMb),
            Flavor.MEDIUM, DataSize.ofMegabytes(vmMediumMb)),
        Map.of(Flavor.SMALL, DataSize.ofMegabytes(containerSmallMb),
            Flavor.MEDIUM, DataSize.ofMegabytes(containerMediumMb)),
        dirtyRate, processes);
  }

  /** No measured sizes: every flavor's are derived from its memory. */
  public static StateFigures derived(DataRate dirtyRate, int processes) {
    return new StateFigures(Map.of(), Map.of(), dirtyRate, processes);
  }

  /** The measured bytes of a VM move of this flavor, if measured. */
  public Optional<DataSize> vmBytes(Flavor flavor) {
    return Optional.ofNullable(vmBytes.get(flavor));
  }

  /** The measured checkpoint image of this flavor, if measured. */
  public Optional<DataSize> containerImage(Flavor flavor) {
    return Optional.ofNullable(containerImages.get(flavor));
  }
}
