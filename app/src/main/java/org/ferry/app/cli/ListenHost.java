package org.ferry.app.cli;

import io.javalin.util.JavalinBindException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;

/**
 * The address a command's server listens on, checked before it binds: a server bound to an
 * address that is no address, or not this machine's, fails with a misleading "Port already in use
 * ... port 0" from Javalin.
 */
final class ListenHost {

  private ListenHost() {}

  /**
   * Checks that {@code host} is an address of this machine (a loopback or wildcard one, an
   * interface's, or a name resolving to one).
   *
   * @param option the option that gave it, for the message
   * @throws IllegalArgumentException naming the option if it is not
   */
  static void check(String option, String host) {
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(option + ": '" + host + "' is not a valid address nor a"
          + " known host name; e.g. 127.0.0.1, ::1 or 0.0.0.0 (every interface)");
    }
    boolean local;
    try {
      local = address.isAnyLocalAddress() || address.isLoopbackAddress()
          || NetworkInterface.getByInetAddress(address) != null;
    } catch (SocketException e) {
      local = true; // cannot tell: let the bind decide
    }
    if (!local) {
      throw new IllegalArgumentException(option + ": " + host + " is not an address of this"
          + " machine; listen on 127.0.0.1, 0.0.0.0 (every interface) or one of its interfaces'");
    }
  }

  /**
   * Runs {@code start}, the bind of a server on a checked host, turning a failed bind into what
   * it then is: the port is taken.
   *
   * @throws IllegalStateException if the port is in use
   */
  static void bind(String host, int port, Runnable start) {
    try {
      start.run();
    } catch (JavalinBindException e) {
      throw new IllegalStateException("cannot listen on " + host + ":" + port + ": the port is in"
          + " use (another ferry, or another server?); pick another port, or 0 for a free one", e);
    }
  }
}
