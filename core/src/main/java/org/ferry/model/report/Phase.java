package org.ferry.model.report;

import org.ferry.model.Names;

/** The phases a migration is timed in, as the reference study splits them. */
public enum Phase {
  /** VM: prepare the destination (reserve resources, plug ports, start the receiving QEMU). */
  PRE_LIVE,
  /** VM: copy disk and memory while the guest runs, through the final paused round. */
  LIVE,
  /** VM: after the switch-over, update the VIM's records and ports. */
  POST_LIVE,
  /** Container: freeze the process tree and dump its state. */
  CHECKPOINT,
  /** Container: move the checkpoint image to the destination. */
  TRANSFER,
  /** Container: restore the process tree at the destination. */
  RESTORE,
  /** Post-copy or lazy: memory pages pulled from the source after the VNF resumed. */
  PAGE_PULL;

  public String displayName() {
    return Names.kebab(this);
  }
}
