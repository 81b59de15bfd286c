package org.ferry.model.report;

import org.ferry.model.Names;

/**
 * Whether an iterative memory copy (VM pre-copy) gets its last round under the downtime limit.
 * Approaches that copy once (post-copy, containers) always {@link #CONVERGES}.
 */
public enum Convergence {
  /** The rounds shrink until the rest fits the downtime limit. */
  CONVERGES,
  /**
   * The rounds shrink, but not fast enough: the round cap is hit and the guest is stopped with
   * more than the downtime limit still to send, so the downtime exceeds the limit.
   */
  ROUND_CAP_HIT,
  /**
   * The guest dirties memory at least as fast as the stream sends it: the rounds never shrink,
   * the copy would go on for ever. The figures given are those of stopping it at the round cap;
   * take another approach (post-copy) or throttle the guest instead.
   */
  DOES_NOT_CONVERGE;

  public String displayName() {
    return Names.kebab(this);
  }
}
