package org.ferry.prediction;

import java.util.Objects;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.VnfKind;

/**
 * The state a VNF carries, which is what a migration has to move.
 *
 * @param vmDiskImage the VM's disk image copied when storage is not shared
 * @param touchedMemory guest memory in use (what a memory copy actually sends)
 * @param dirtyRate how fast the running VNF rewrites memory
 * @param containerImage the size of a CRIU checkpoint of the container
 * @param processes the processes in the container (CRIU walks and dumps each), 1 or more
 */
public record VnfStateProfile(
    DataSize vmDiskImage,
    DataSize touchedMemory,
    DataRate dirtyRate,
    DataSize containerImage,
    int processes) {

  public VnfStateProfile {
    Objects.requireNonNull(vmDiskImage, "vmDiskImage");
    Objects.requireNonNull(touchedMemory, "touchedMemory");
    Objects.requireNonNull(dirtyRate, "dirtyRate");
    Objects.requireNonNull(containerImage, "containerImage");
    if (processes < 1) {
      throw new IllegalArgumentException("a container runs 1 process or more, got " + processes);
    }
  }

  /**
   * The state of a function of this kind and flavor: the kind's measured figures where it has
   * them, otherwise figures derived from the flavor's memory.
   *
   * <p>Measured (reference study, shared/reference/sizes.csv and SYSTEM.md, carried by {@link
   * VnfKind#HSS}, {@link VnfKind#MME} and {@link VnfKind#SPGW}): the bytes a VM move sends (HSS
   * 3470 / 3680 MB, MME 3530 / 4160 MB, SPGW 3530 / 3870 MB for Small / Medium) and the
   * checkpoint image of a container (HSS 173 MB, MME 42 / 42.3 MB, SPGW 100 MB).
   *
   * <p>Estimated: the split of a VM's bytes between memory in use (600 MB Small, 900 MB Medium:
   * 300 MB plus 300 MB per 2 GiB of guest memory, which is how other sizes are derived too) and
   * disk image (the rest); the dirty rates (HSS and MME 40 Mb/s, control traffic only; SPGW
   * 200 Mb/s, since the users' uplink and downlink run through its buffers); the processes (HSS:
   * the HSS and its MySQL server; MME and SPGW: one each).
   *
   * <p>Derived, for a flavor the kind has no measurement of: a VM sends its memory in use plus
   * a {@value #DERIVED_DISK_IMAGE_MB} MB disk image (the reference images' size); a container's
   * checkpoint is 5 % of the flavor's memory (the reference ones are 2 to 8 %).
   */
  public static VnfStateProfile reference(VnfKind kind, Flavor flavor) {
    DataSize touched = touchedMemory(flavor);
    DataSize vmTotal = kind.state().vmBytes(flavor)
        .orElse(touched.plus(DataSize.ofMegabytes(DERIVED_DISK_IMAGE_MB)));
    DataSize container = kind.state().containerImage(flavor)
        .orElse(flavor.memory().times(0.05));
    return new VnfStateProfile(
        vmTotal.minus(touched),
        touched,
        kind.state().dirtyRate(),
        container,
        kind.state().processes());
  }

  /** The VM disk image assumed for a flavor the kind has no measurement of, in MB. */
  public static final double DERIVED_DISK_IMAGE_MB = 2900;

  /** Memory in use: 300 MB plus 300 MB per 2 GiB of guest memory (600 MB Small, 900 MB Medium). */
  private static DataSize touchedMemory(Flavor flavor) {
    double mib = flavor.memory().bytes() / (1024.0 * 1024.0);
    return DataSize.ofMegabytes(300 + 300 * mib / 2048);
  }

  public VnfStateProfile withDirtyRate(DataRate rate) {
    return new VnfStateProfile(vmDiskImage, touchedMemory, rate, containerImage, processes);
  }

  public VnfStateProfile withTouchedMemory(DataSize size) {
    return new VnfStateProfile(vmDiskImage, size, dirtyRate, containerImage, processes);
  }

  public VnfStateProfile withVmDiskImage(DataSize size) {
    return new VnfStateProfile(size, touchedMemory, dirtyRate, containerImage, processes);
  }

  public VnfStateProfile withContainerImage(DataSize size) {
    return new VnfStateProfile(vmDiskImage, touchedMemory, dirtyRate, size, processes);
  }
}
