package org.ferry.model.vnf;

import java.util.regex.Pattern;

/**
 * A dotted-quad IPv4 address, such as a VNF's tenant address (its floating IP or VPN address).
 *
 * @param dotted four decimal octets, e.g. {@code 172.16.0.10}
 */
public record Ipv4Address(String dotted) {

  private static final Pattern OCTET = Pattern.compile("25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d");

  public Ipv4Address {
    String[] parts = dotted == null ? new String[0] : dotted.split("\\.", -1);
    boolean valid = parts.length == 4;
    for (int i = 0; valid && i < 4; i++) {
      valid = OCTET.matcher(parts[i]).matches();
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "'" + dotted + "' is not an IPv4 address; write four octets 0-255, e.g. 172.16.0.10");
    }
  }

  public static Ipv4Address of(String dotted) {
    return new Ipv4Address(dotted);
  }

  @Override
  public String toString() {
    return dotted;
  }
}
