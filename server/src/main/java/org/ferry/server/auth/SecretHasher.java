package org.ferry.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

/**
 * BCrypt hashes of token secrets, through Bouncy Castle's {@link OpenBSDBCrypt} ({@code $2y$}
 * strings with their salt and cost inside). The secrets are random, so BCrypt's slowness is
 * defence in depth for a stolen token file rather than against guessing; the default cost keeps a
 * check near 50–100 ms, which is why the authenticator caches successes.
 */
class SecretHasher {

  /** The cost stored tokens get: 2^10 rounds. */
  static final int DEFAULT_COST = 10;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int cost;
  private final AtomicLong checks = new AtomicLong();

  SecretHasher(int cost) {
    if (cost < 4 || cost > 31) {
      throw new IllegalArgumentException("BCrypt cost must be 4..31, was " + cost);
    }
    this.cost = cost;
  }

  /** A new salted hash of {@code secret}. */
  String hash(String secret) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return OpenBSDBCrypt.generate(secret.getBytes(StandardCharsets.UTF_8), salt, cost);
  }

  /**
   * Whether {@code secret} is the one {@code hash} was made from. Bouncy Castle compares the
   * digests in constant time; a malformed hash counts as no match.
   */
  boolean matches(String hash, String secret) {
    checks.incrementAndGet();
    try {
      return OpenBSDBCrypt.checkPassword(hash, secret.getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException malformedHash) {
      return false;
    }
  }

  /** How many BCrypt checks this hasher has run: lets tests see the cache at work. */
  long checks() {
    return checks.get();
  }
}
