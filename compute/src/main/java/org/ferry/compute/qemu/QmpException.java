package org.ferry.compute.qemu;

import org.ferry.seam.SouthboundException;

/** A QMP command failed, QEMU did not answer in time, or its socket broke. */
public class QmpException extends SouthboundException {

  private static final long serialVersionUID = 1L;

  public QmpException(String peer, String message) {
    super(peer, message, false);
  }

  public QmpException(String peer, String message, Throwable cause) {
    super(peer, message, false, cause);
  }
}
