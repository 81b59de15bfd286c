package org.ferry.model.vnf;

import org.ferry.model.Names;

/** How a VNF is packaged on its host. */
public enum Virtualization {
  /** A KVM/QEMU virtual machine (OpenStack, libvirt or plain QEMU). */
  VM,
  /** A container (Docker, Podman or a bare namespace) checkpointed with CRIU. */
  CONTAINER;

  public static Virtualization parse(String text) {
    return Names.parse(Virtualization.class, text, "virtualization", Names::kebab);
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
