package org.ferry.epc.wire;

import java.util.HexFormat;

/** Hex strings for keys and vectors in files and logs. */
public final class Hex {
  private static final HexFormat FORMAT = HexFormat.of();

  private Hex() {}

  /** @return lower-case hex of {@code bytes} */
  public static String of(byte[] bytes) {
    return FORMAT.formatHex(bytes);
  }

  /** @throws IllegalArgumentException if {@code hex} is not an even-length hex string */
  public static byte[] parse(String hex) {
    return FORMAT.parseHex(hex);
  }
}
