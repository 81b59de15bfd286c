package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a host. A compute host (hypervisor or container host) within a site.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record HostId(String value) implements Comparable<HostId> {

  public HostId {
    Ids.check(value, "host id");
  }

  public static HostId of(String value) {
    return new HostId(value);
  }

  @Override
  public int compareTo(HostId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
