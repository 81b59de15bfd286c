package org.ferry.epc.transport;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;

/** The MME side of S1-MME: accepts associations from gNBs. */
public interface S1Listener extends Closeable {
  /** @return the next association; blocks @throws IOException once closed */
  S1Association accept() throws IOException;

  /** @return the bound address */
  InetSocketAddress address();
}
