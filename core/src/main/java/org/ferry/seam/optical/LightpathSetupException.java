package org.ferry.seam.optical;

import org.ferry.seam.SouthboundException;

/** The optical controller could not set up a lightpath; the message says why. */
public class LightpathSetupException extends SouthboundException {

  public LightpathSetupException(String peer, String message, boolean retriable) {
    super(peer, message, retriable);
  }
}
