package org.ferry.seam.compute;

import org.ferry.model.report.MigrationOutcome;

/**
 * A VIM that live-migrates VMs: pre-copy and post-copy, as QEMU does them.
 *
 * <p>The driver times the phases itself (pre-live, live, post-live; page pull for post-copy),
 * since only it can tell where QEMU's live phase ends.
 */
public interface LiveMigratable {

  /**
   * Migrates the VM and returns once it runs at the destination (for post-copy: once the last page
   * has arrived).
   *
   * @param onSwitchOver told the moment the VM runs at the destination (QEMU's RESUME there)
   * @throws MigrationFailedException if the migration did not complete; it says whether the VM
   *     still runs at its source
   */
  MigrationOutcome liveMigrate(MigrationRequest request, SwitchOverListener onSwitchOver);
}
