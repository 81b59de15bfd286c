package org.ferry.server.auth;

import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Recently verified tokens, so that a client's repeated requests cost a SHA-256 rather than a
 * BCrypt check. Keyed by token id, each entry holds the SHA-256 of the full token that passed and
 * its role; a presented token hits only if its digest equals the stored one, compared in constant
 * time. Bounded: the least recently used entry goes first.
 *
 * <p>Every {@link #clear()} starts a new generation, and {@link #put} ignores an entry verified
 * under an older one: a check that raced with a revoke cannot put the revoked token back.
 */
final class VerificationCache {

  private record Verified(byte[] digest, Role role) {}

  private final int capacity;
  private final Map<String, Verified> entries;
  private long generation;

  VerificationCache(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("cache capacity must be at least 1, was " + capacity);
    }
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
        return size() > VerificationCache.this.capacity;
      }
    };
  }

  /** The role cached for token {@code id}, if the presented token's digest is the cached one. */
  synchronized Optional<Role> lookup(String id, byte[] digest) {
    Verified entry = entries.get(id);
    return entry != null && MessageDigest.isEqual(entry.digest(), digest)
        ? Optional.of(entry.role())
        : Optional.empty();
  }

  /** The current generation, to hand back to {@link #put} after a slow check. */
  synchronized long generation() {
    return generation;
  }

  /** Remembers a successful check made while {@code generation} was current. */
  synchronized void put(long generation, String id, byte[] digest, Role role) {
    if (generation == this.generation) {
      entries.put(id, new Verified(digest.clone(), role));
    }
  }

  /** Forgets every entry, and every check still under way. */
  synchronized void clear() {
    entries.clear();
    generation++;
  }

  synchronized int size() {
    return entries.size();
  }
}
