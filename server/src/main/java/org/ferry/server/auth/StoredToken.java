package org.ferry.server.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.Optional;

/**
 * One token as the token file holds it. {@code role} stays text here so that a file naming a
 * role this build does not know is reported with the file's name rather than failing inside
 * Jackson.
 *
 * @param id the token's id
 * @param role the role's id, {@code viewer}, {@code operator} or {@code admin}
 * @param secretHash the BCrypt hash of the secret part, never the secret
 * @param created when it was created, as ISO-8601 UTC text
 * @param label what it is for, or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoredToken(
    @JsonProperty("id") String id,
    @JsonProperty("role") String role,
    @JsonProperty("secret_hash") String secretHash,
    @JsonProperty("created") String created,
    @JsonProperty("label") String label) {

  /** The view of this token that may be shown. */
  TokenInfo info() {
    return new TokenInfo(id, Role.parse(role), Instant.parse(created), Optional.ofNullable(label));
  }

  @Override
  public String toString() {
    return "StoredToken[id=" + id + ", role=" + role + "]";
  }
}
