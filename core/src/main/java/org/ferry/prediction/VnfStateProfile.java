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
   * The reference deployment's figures.
   *
   * <p>Measured (reference study, shared/reference/sizes.csv and SYSTEM.md): the bytes a VM move
   * sends (HSS 3470 / 3680 MB, MME 3530 / 4160 MB, SPGW 3530 / 3870 MB for Small / Medium) and the
   * checkpoint image of a container (HSS 173 MB, MME 42 / 42.3 MB, SPGW 100 MB).
   *
   * <p>Estimated: the split of a VM's bytes between memory in use (600 MB Small, 900 MB Medium)
   * and disk image (the rest); the dirty rates (HSS and MME 40 Mb/s, control traffic only; SPGW
   * 200 Mb/s, since the users' uplink and downlink run through its buffers); the processes (HSS:
   * the HSS and its MySQL server; MME and SPGW: one each).
   */
  public static VnfStateProfile reference(VnfKind kind, Flavor flavor) {
    DataSize touched = DataSize.ofMegabytes(flavor == Flavor.SMALL ? 600 : 900);
    double vmTotalMb =
        switch (kind) {
          case HSS -> flavor == Flavor.SMALL ? 3470 : 3680;
          case MME -> flavor == Flavor.SMALL ? 3530 : 4160;
          case SPGW -> flavor == Flavor.SMALL ? 3530 : 3870;
        };
    double containerMb =
        switch (kind) {
          case HSS -> 173;
          case MME -> flavor == Flavor.SMALL ? 42 : 42.3;
          case SPGW -> 100;
        };
    DataRate dirty =
        switch (kind) {
          case HSS, MME -> DataRate.ofMbps(40);
          case SPGW -> DataRate.ofMbps(200);
        };
    int processes = kind == VnfKind.HSS ? 2 : 1;
    return new VnfStateProfile(
        DataSize.ofMegabytes(vmTotalMb).minus(touched),
        touched,
        dirty,
        DataSize.ofMegabytes(containerMb),
        processes);
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
