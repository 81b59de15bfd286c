package org.ferry.optical.transportpce;

import org.ferry.seam.SouthboundException;

/** TransportPCE reported that a service could not be set up; the message quotes it. */
public final class ServiceFailedException extends SouthboundException {

  private final String service;

  public ServiceFailedException(String peer, String service, String transportPceMessage) {
    super(peer, "service '" + service + "' failed: " + transportPceMessage, false);
    this.service = service;
  }

  public String service() {
    return service;
  }
}
