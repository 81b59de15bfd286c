package org.ferry.compute.qemu;

import java.util.Objects;
import org.ferry.model.vnf.Flavor;

/**
 * A guest to start: size, identity on the network, and the memory-dirtying workload it runs.
 *
 * @param vcpus virtual CPUs
 * @param memoryMib guest memory in MiB
 * @param address IPv4 address on the testbed's segment, e.g. 10.0.0.80
 * @param mac the virtio NIC's MAC, kept across moves
 * @param dirtyMegabytesPerSecond how fast the workload dirties memory (decimal MB/s), 0 for none
 * @param workingSetMib how much memory the workload touches
 * @param application what the guest runs instead of the workload, or null
 */
public record GuestSpec(int vcpus, long memoryMib, String address, String mac,
    double dirtyMegabytesPerSecond, long workingSetMib, GuestApplication application) {

  public GuestSpec(int vcpus, long memoryMib, String address, String mac,
      double dirtyMegabytesPerSecond, long workingSetMib) {
    this(vcpus, memoryMib, address, mac, dirtyMegabytesPerSecond, workingSetMib, null);
  }

  public GuestSpec {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(mac, "mac");
    if (vcpus < 1 || memoryMib < 64) {
      throw new IllegalArgumentException("a guest needs at least 1 vCPU and 64 MiB, got " + vcpus
          + " vCPU and " + memoryMib + " MiB");
    }
    if (dirtyMegabytesPerSecond < 0 || workingSetMib < 0 || workingSetMib > memoryMib - 128) {
      throw new IllegalArgumentException("the workload must dirty 0 MB/s or more of a working set"
          + " that leaves the guest 128 MiB (kernel, initramfs), got " + dirtyMegabytesPerSecond + " MB/s of "
          + workingSetMib + " MiB in " + memoryMib + " MiB");
    }
    if (!address.matches("10\\.0\\.0\\.\\d{1,3}") || !mac.matches("([0-9a-f]{2}:){5}[0-9a-f]{2}")) {
      throw new IllegalArgumentException("guest address must be 10.0.0.x and the MAC lower-case"
          + " hex, got " + address + " and " + mac);
    }
  }

  /** A guest of the flavor's size (vCPUs, memory) with an idle workload. */
  public static GuestSpec of(Flavor flavor, String address, String mac) {
    return new GuestSpec(flavor.vcpus(), flavor.memory().bytes() >> 20, address, mac, 0, 0);
  }

  public GuestSpec withWorkload(double dirtyMbps, long workingSet) {
    return new GuestSpec(vcpus, memoryMib, address, mac, dirtyMbps, workingSet, application);
  }

  /** The same guest running {@code app} (from the guests' Java runtime disk), no workload. */
  public GuestSpec withApplication(GuestApplication app) {
    return new GuestSpec(vcpus, memoryMib, address, mac, 0, 0, app);
  }
}
