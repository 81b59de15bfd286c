package org.ferry.server.auth;

import java.util.Optional;

/**
 * Tells the role a bearer token carries. The REST API calls it once per request with the text
 * after {@code "Bearer "} in the {@code Authorization} header.
 *
 * <p>Contract: never throws for bad input. A token that is unknown, revoked, malformed, empty or
 * null yields {@link Optional#empty()}; the caller answers 401. Implementations are safe to call
 * from many request threads at once.
 */
public interface Authenticator {

  /**
   * The role of the token's holder.
   *
   * @param bearerToken the token as the client sent it, possibly null or garbage
   * @return the role, or empty if the token does not authenticate
   */
  Optional<Role> authenticate(String bearerToken);
}
