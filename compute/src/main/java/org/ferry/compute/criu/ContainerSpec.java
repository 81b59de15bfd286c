package org.ferry.compute.criu;

import java.util.List;
import java.util.Objects;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.VnfId;

/**
 * A container to start: a process tree in its own PID and network namespaces, with one veth
 * ({@code eth0}) whose address and MAC it keeps wherever it moves.
 *
 * @param vnf the VNF it runs
 * @param cidr its address with prefix, e.g. "10.77.0.10/24"
 * @param mac its MAC, e.g. "02:00:00:00:00:10"
 * @param flavor CPU and memory limits (cgroup v1 cpu quota and memory limit where available)
 * @param command the program and its arguments
 */
public record ContainerSpec(
    VnfId vnf, String cidr, String mac, Flavor flavor, List<String> command) {

  public ContainerSpec {
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(cidr, "cidr");
    Objects.requireNonNull(mac, "mac");
    Objects.requireNonNull(flavor, "flavor");
    command = List.copyOf(command);
    if (command.isEmpty()) {
      throw new IllegalArgumentException("a container needs a command");
    }
    if (!cidr.matches("\\d+\\.\\d+\\.\\d+\\.\\d+/\\d+")) {
      throw new IllegalArgumentException("address must be a.b.c.d/len, got " + cidr);
    }
  }

  /** The address without its prefix. */
  public String address() {
    return cidr.substring(0, cidr.indexOf('/'));
  }
}
