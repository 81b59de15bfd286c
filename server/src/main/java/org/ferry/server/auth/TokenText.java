package org.ferry.server.auth;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The text of a bearer token, {@code ferry_<id>_<secret>}: a 16-hex-digit id, by which the
 * store finds the one hash to check, and a 256-bit secret from {@link SecureRandom} in URL-safe
 * base64 without padding (43 characters). The prefix lets secret scanners and people tell a
 * Ferry token at a glance.
 */
final class TokenText {

  static final String PREFIX = "ferry_";
  private static final int ID_BYTES = 8;
  private static final int SECRET_BYTES = 32;
  // The secret's alphabet includes '_', so the id is what must not: the first '_' after the
  // prefix ends it.
  private static final Pattern FORMAT =
      Pattern.compile("ferry_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token split into its parts. */
  record Parts(String id, String secret) {
    String text() {
      return PREFIX + id + "_" + secret;
    }

    @Override
    public String toString() {
      return "Parts[id=" + id + ", secret=(hidden)]";
    }
  }

  private TokenText() {}

  /** A fresh id for a new token. */
  static String newId() {
    byte[] bytes = new byte[ID_BYTES];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** A fresh secret: 256 random bits, URL-safe base64. */
  static String newSecret() {
    byte[] bytes = new byte[SECRET_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * The parts of {@code text}, or empty if it is not exactly a token of this format (null,
   * empty, other prefix, wrong lengths or characters). Checking the shape first keeps garbage
   * away from BCrypt, which would otherwise spend its full cost on it.
   */
  static Optional<Parts> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    var matcher = FORMAT.matcher(text);
    return matcher.matches()
        ? Optional.of(new Parts(matcher.group(1), matcher.group(2)))
        : Optional.empty();
  }
}
