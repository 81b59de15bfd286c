package org.ferry.seam.compute;

import org.ferry.seam.SouthboundException;

/** A migration did not complete. Says whether the VNF still runs at its source. */
public class MigrationFailedException extends SouthboundException {

  private final boolean runningAtSource;

  /**
   * @param peer the VIM
   * @param message why
   * @param runningAtSource true if the VNF was left (or brought back) running at its source
   */
  public MigrationFailedException(String peer, String message, boolean runningAtSource) {
    super(peer, message, false);
    this.runningAtSource = runningAtSource;
  }

  public boolean runningAtSource() {
    return runningAtSource;
  }
}
