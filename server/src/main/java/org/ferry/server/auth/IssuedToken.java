package org.ferry.server.auth;

import java.util.Objects;

/**
 * A token just created: the only time its full text exists. Hand {@link #token()} to the user
 * and drop it; {@link #toString()} leaves it out so that it does not end up in a log.
 *
 * @param info what the store keeps about it
 * @param token the bearer token, {@code ferry_<id>_<secret>}
 */
public record IssuedToken(TokenInfo info, String token) {
  public IssuedToken {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(token, "token");
  }

  @Override
  public String toString() {
    return "IssuedToken[info=" + info + ", token=(hidden)]";
  }
}
