package org.ferry.seam.compute;

import java.util.Optional;
import java.util.Set;
import org.ferry.model.report.Provenance;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfId;

/**
 * A virtualized infrastructure manager for one kind of VNF packaging: an OpenStack, a libvirt or
 * QEMU host set for VMs, a Podman or CRIU host set for containers.
 *
 * <p>What a VIM can do beyond this is a capability: {@link LiveMigratable} for VMs, {@link
 * Checkpointable} for containers. A driver implements the ones it supports; {@link #capability}
 * finds them.
 */
public interface Vim {

  /** A name for logs and errors, e.g. "qemu@site-a,site-b". */
  String name();

  /** The packaging this VIM runs. */
  Virtualization virtualization();

  /** The migration approaches this VIM can carry out. */
  Set<MigrationApproach> approaches();

  /** Where a VNF runs now, or empty if this VIM does not run it. */
  Optional<Placement> locate(VnfId vnf);

  /** Whether the VNF is running (not paused, frozen or stopped). */
  boolean isRunning(VnfId vnf);

  /** Whether this VIM's figures are measured on real parts or simulated. */
  Provenance figures();

  /** This VIM as {@code type} if it has that capability. */
  default <C> Optional<C> capability(Class<C> type) {
    return type.isInstance(this) ? Optional.of(type.cast(this)) : Optional.empty();
  }
}
