package org.ferry.server.auth;

import java.util.Optional;

/** Tells who holds a bearer token. Implementations are thread-safe. */
public interface Authenticator {

  /**
   * @param bearerToken the token from {@code Authorization: Bearer ...}, never null
   * @return the holder's role, or empty if the token is not known
   */
  Optional<Role> authenticate(String bearerToken);
}
