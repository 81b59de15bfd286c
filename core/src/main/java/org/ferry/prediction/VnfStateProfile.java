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
 */
public record VnfStateProfile(
    DataSize vmDiskImage, DataSize touchedMemory, DataRate dirtyRate, DataSize containerImage) {

  public VnfStateProfile {
    Objects.requireNonNull(vmDiskImage, "vmDiskImage");
    Objects.requireNonNull(touchedMemory, "touchedMemory");
    Objects.requireNonNull(dirtyRate, "dirtyRate");
    Objects.requireNonNull(containerImage, "containerImage");
  }

  /**
   * The reference deployment's figures. VM bytes moved (disk plus memory) and container image
   * sizes are the measured ones of the reference study (shared/reference/sizes.csv; SPGW: 3530 /
   * 3870 MB VM, 100 MB container); the split between disk and memory, and the dirty rates, are
   * estimates: the SPGW rewrites memory fastest since user traffic runs through it.
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
          case SPGW -> DataRate.ofMbps(160);
        };
    return new VnfStateProfile(
        DataSize.ofMegabytes(vmTotalMb).minus(touched),
        touched,
        dirty,
        DataSize.ofMegabytes(containerMb));
  }
}
