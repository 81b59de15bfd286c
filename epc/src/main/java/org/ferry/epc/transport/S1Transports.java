package org.ferry.epc.transport;

import com.sun.nio.sctp.SctpChannel;
import java.io.IOException;

/** Chooses the S1 transport: {@code sctp}, {@code tcp}, or {@code auto} (SCTP if this machine has it). */
public final class S1Transports {
  private S1Transports() {}

  /**
   * @param name {@code auto}, {@code sctp} or {@code tcp}
   * @return the transport
   * @throws IllegalArgumentException for another name, or {@code sctp} where SCTP is missing
   *     (the message says why)
   */
  public static S1Transport forName(String name) {
    switch (name) {
      case "tcp":
        return new TcpS1Transport();
      case "sctp":
        String why = sctpMissing();
        if (why != null) {
          throw new IllegalArgumentException("--s1-transport sctp: " + why);
        }
        return new SctpS1Transport();
      case "auto":
        return sctpMissing() == null ? new SctpS1Transport() : new TcpS1Transport();
      default:
        throw new IllegalArgumentException("--s1-transport takes auto, sctp or tcp, not '" + name
            + "'");
    }
  }

  /** @return null if an SCTP socket can be opened here, else why not */
  public static String sctpMissing() {
    try (SctpChannel c = SctpChannel.open()) {
      return null;
    } catch (UnsupportedOperationException | IOException | LinkageError e) {
      return "no SCTP on this machine (" + e.getMessage() + ")";
    }
  }
}
