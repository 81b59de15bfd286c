package org.ferry.epc.spgw;

import java.io.IOException;
import java.io.Reader;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.ferry.epc.wire.Args;

/**
 * The SPGW's configuration, from a properties file, e.g.
 *
 * <pre>
 * s11=127.0.0.1:2123          # GTPv2-C
 * s1u=127.0.0.1:2152          # GTP-U endpoint address (what gtp0 would be bound to)
 * mtu=1500                    # largest inner IPv4 packet carried
 * ue-pool=45.45.0.0/24        # UE addresses handed out in Create Session
 * routes=45.45.0.0/24         # prefixes routed into the tunnels (comma-separated)
 * sgi=127.0.0.1               # translation rule: UE flows leave masqueraded to this address
 * nat-idle-s=120              # a translated flow idle this long is forgotten (UDP conntrack)
 * control=127.0.0.1:0         # control socket (status, tunnels, restore)
 * </pre>
 *
 * @param s11 the GTPv2-C address
 * @param s1u the GTP-U address
 * @param mtu largest inner packet, bytes
 * @param uePool where UE addresses come from
 * @param routes prefixes whose packets go into tunnels
 * @param sgi the address UE flows are translated to
 * @param control the control socket's address
 * @param natIdle how long a translated flow may stay idle before its binding is dropped
 */
public record SpgwConfig(
    InetSocketAddress s11, InetSocketAddress s1u, int mtu, Prefix uePool, List<Prefix> routes,
    InetAddress sgi, InetSocketAddress control, Duration natIdle) {

  /**
   * An IPv4 prefix.
   *
   * @param network the network address
   * @param length the prefix length
   */
  public record Prefix(int network, int length) {
    /** @throws IllegalArgumentException if not {@code a.b.c.d/n} */
    public static Prefix parse(String cidr) {
      String[] parts = cidr.strip().split("/");
      try {
        int length = Integer.parseInt(parts[1]);
        byte[] a = InetAddress.getByName(parts[0]).getAddress();
        if (a.length != 4 || length < 8 || length > 30) {
          throw new IllegalArgumentException("'" + cidr + "' is not an IPv4 prefix /8../30");
        }
        return new Prefix(toInt(a) & mask(length), length);
      } catch (ArrayIndexOutOfBoundsException | NumberFormatException | UnknownHostException e) {
        throw new IllegalArgumentException("'" + cidr + "' is not a.b.c.d/n", e);
      }
    }

    private static int mask(int length) {
      return (int) (0xffffffffL << (32 - length));
    }

    /** @return whether {@code address} is in this prefix */
    public boolean contains(Inet4Address address) {
      return (toInt(address.getAddress()) & mask(length)) == network;
    }

    /** @return the {@code n}-th host address (1 = the first after the network address) */
    public Inet4Address host(int n) {
      if (n < 1 || n >= (1 << (32 - length)) - 1) {
        throw new IllegalArgumentException("host " + n + " is outside " + this);
      }
      return fromInt(network + n);
    }

    /** @return the host number of {@code address} in this prefix */
    public int hostNumber(Inet4Address address) {
      return toInt(address.getAddress()) - network;
    }

    @Override
    public String toString() {
      return fromInt(network).getHostAddress() + "/" + length;
    }
  }

  static int toInt(byte[] a) {
    return ((a[0] & 0xff) << 24) | ((a[1] & 0xff) << 16) | ((a[2] & 0xff) << 8) | (a[3] & 0xff);
  }

  static Inet4Address fromInt(int v) {
    try {
      return (Inet4Address) InetAddress.getByAddress(
          new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The defaults, on loopback with any free ports. */
  public static SpgwConfig defaults() {
    return from(new Properties());
  }

  /** @throws IOException if the file cannot be read @throws IllegalArgumentException on a bad value */
  public static SpgwConfig load(Path file) throws IOException {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    }
    return from(p);
  }

  /** @throws IllegalArgumentException on a bad value, naming the key */
  public static SpgwConfig from(Properties p) {
    List<Prefix> routes = new ArrayList<>();
    String pool = p.getProperty("ue-pool", "45.45.0.0/24");
    for (String r : p.getProperty("routes", pool).split(",")) {
      routes.add(Prefix.parse(r));
    }
    try {
      return new SpgwConfig(
          Args.parseAddress(p.getProperty("s11", "127.0.0.1:0")),
          Args.parseAddress(p.getProperty("s1u", "127.0.0.1:0")),
          Integer.parseInt(p.getProperty("mtu", "1500")),
          Prefix.parse(pool), List.copyOf(routes),
          InetAddress.getByName(p.getProperty("sgi", "127.0.0.1")),
          Args.parseAddress(p.getProperty("control", "127.0.0.1:0")),
          Duration.ofSeconds(Long.parseLong(p.getProperty("nat-idle-s", "120"))));
    } catch (UnknownHostException | NumberFormatException e) {
      throw new IllegalArgumentException("bad SPGW configuration: " + e.getMessage(), e);
    }
  }

  /** @return this configuration with the given bound addresses (after binding port 0) */
  public SpgwConfig withAddresses(InetSocketAddress boundS11, InetSocketAddress boundS1u) {
    return new SpgwConfig(boundS11, boundS1u, mtu, uePool, routes, sgi, control, natIdle);
  }

  /** @return as JSON, for the status endpoint */
  public Map<String, Object> toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s11", Args.format(s11));
    m.put("s1u", Args.format(s1u));
    m.put("mtu", mtu);
    m.put("uePool", uePool.toString());
    List<Object> r = new ArrayList<>();
    routes.forEach(x -> r.add(x.toString()));
    m.put("routes", r);
    m.put("translation", "masquerade UE flows to " + sgi.getHostAddress());
    m.put("natIdleSeconds", natIdle.toSeconds());
    return m;
  }
}
