package org.ferry.server.auth;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What may be shown about a stored token: never its secret, nor its hash.
 *
 * @param id the token's id, the part between {@code ferry_} and the secret; what revoke takes
 * @param role what the token's holder may do
 * @param created when it was created, to the second
 * @param label what its creator said it is for, if anything
 */
public record TokenInfo(String id, Role role, Instant created, Optional<String> label) {
  public TokenInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(label, "label");
  }
}
