package org.ferry.epc.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;

/** Opens S1-MME associations: the MME listens, the gNB connects. */
public interface S1Transport {

  /**
   * @param bind where to listen (port 0: any free port)
   * @return the listener
   * @throws IOException if the address cannot be bound
   */
  S1Listener listen(InetSocketAddress bind) throws IOException;

  /**
   * @param mme the MME's S1 address
   * @param timeout for establishing the association
   * @return the association
   * @throws IOException if the MME cannot be reached in time (the message names it)
   */
  S1Association connect(InetSocketAddress mme, Duration timeout) throws IOException;
}
