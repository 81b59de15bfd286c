package org.ferry.compute.qemu;

import java.nio.file.Path;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;

/** A guest of one {@link QemuVim}: what it was started as, and the QEMU that runs it now. */
final class Guest {
  final VnfId id;
  final GuestSpec spec;
  final String tap;
  /** The application's disk (a tar), or null for the memory-dirtying workload. */
  Path appDisk;
  volatile QemuInstance current;
  /** Where the guest runs, as the caller named it (the site is current's). */
  volatile Placement placement;
  volatile boolean cancelRequested;
  volatile boolean migrating;
  volatile MigrationStats lastStats;

  Guest(VnfId id, GuestSpec spec, String tap) {
    this.id = id;
    this.spec = spec;
    this.tap = tap;
  }
}
