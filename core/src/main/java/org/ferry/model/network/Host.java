package org.ferry.model.network;

import java.util.Objects;
import org.ferry.model.unit.DataSize;

/**
 * A compute host: a hypervisor for VMs or a container host.
 *
 * @param id the host
 * @param site where it stands
 * @param vcpus schedulable CPUs, 1 or more
 * @param memory memory available to guests
 */
public record Host(HostId id, SiteId site, int vcpus, DataSize memory) {

  public Host {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(memory, "memory");
    if (vcpus < 1) {
      throw new IllegalArgumentException("host " + id + " needs 1 or more vCPUs, got " + vcpus);
    }
  }
}
