package org.ferry.compute.criu;

import org.ferry.model.vnf.Placement;

/** A running (or frozen) container. */
final class Container {
  final ContainerSpec spec;
  /** The outer end of its veth, a port of its site's bridge. */
  final String hostIf;
  volatile Placement placement;
  volatile long pid;
  volatile Process launcher;

  Container(ContainerSpec spec, String hostIf, Placement placement, long pid, Process launcher) {
    this.spec = spec;
    this.hostIf = hostIf;
    this.placement = placement;
    this.pid = pid;
    this.launcher = launcher;
  }
}
