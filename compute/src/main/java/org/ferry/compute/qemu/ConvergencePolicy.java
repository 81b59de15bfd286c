package org.ferry.compute.qemu;

/** What the driver does with a pre-copy migration that does not converge. */
public enum ConvergencePolicy {
  /** Switch to post-copy: the guest resumes at the destination and pulls the rest on demand. */
  POST_COPY_SWITCH,
  /** Cancel: the guest keeps running at the source, and the move fails with a clear message. */
  ABORT
}
