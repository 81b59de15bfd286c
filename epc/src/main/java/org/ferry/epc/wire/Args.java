package org.ferry.epc.wire;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;

/** {@code --name value} options of a stand-in's command line. */
public final class Args {
  private final Map<String, String> values = new HashMap<>();

  /**
   * @param argv the arguments after the function's name
   * @throws IllegalArgumentException on an argument that is not {@code --name value}
   */
  public Args(String[] argv) {
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + a + "': options are --name value");
      }
      String name = a.substring(2);
      int eq = name.indexOf('=');
      if (eq >= 0) {
        values.put(name.substring(0, eq), name.substring(eq + 1));
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith("--")) {
        values.put(name, argv[++i]);
      } else {
        values.put(name, "true");
      }
    }
  }

  /** @return the value of {@code name}, or {@code fallback} when absent */
  public String get(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** @return the value of {@code name} @throws IllegalArgumentException when absent */
  public String require(String name) {
    String v = values.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing option --" + name);
    }
    return v;
  }

  /** @return whether {@code name} was given */
  public boolean has(String name) {
    return values.containsKey(name);
  }

  /** @return the integer value of {@code name}, or {@code fallback} when absent */
  public int intValue(String name, int fallback) {
    String v = values.get(name);
    try {
      return v == null ? fallback : Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " takes an integer, not '" + v + "'", e);
    }
  }

  /** @return {@code host:port} of {@code name} (or {@code fallback}) as a socket address */
  public InetSocketAddress address(String name, String fallback) {
    return parseAddress(get(name, fallback));
  }

  /**
   * @param hostPort {@code host:port}, the port may be 0 (any free port)
   * @throws IllegalArgumentException if it is not {@code host:port}
   */
  public static InetSocketAddress parseAddress(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("'" + hostPort + "' is not host:port");
    }
    try {
      return new InetSocketAddress(
          InetAddress.getByName(hostPort.substring(0, colon)),
          Integer.parseInt(hostPort.substring(colon + 1)));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("'" + hostPort + "' is not host:port", e);
    }
  }

  /** @return {@code address} as {@code ip:port} */
  public static String format(InetSocketAddress address) {
    return address.getAddress().getHostAddress() + ":" + address.getPort();
  }
}
