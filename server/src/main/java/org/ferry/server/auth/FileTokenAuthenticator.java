package org.ferry.server.auth;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks bearer tokens against a {@link TokenStore}'s file.
 *
 * <p>Each check first stats the file (a few microseconds) and, if it changed since it was read
 * (a create or revoke by this process or by {@code ferry token} in another), reads it again and
 * empties the cache; so a revoked token fails from the next request on. A token is then looked up
 * by its id: a cached success whose digest matches answers at once, otherwise one BCrypt check
 * decides. An unknown id is checked against a dummy hash of the same cost so that it takes as long
 * as a wrong secret.
 *
 * <p>If the file becomes unreadable while the server runs, every token fails (closed, not open)
 * until it is readable again, and the reason is logged once per change of the file.
 */
public final class FileTokenAuthenticator implements Authenticator {

  /** How many verified tokens are remembered; far more than a site has clients. */
  public static final int DEFAULT_CACHE_CAPACITY = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(FileTokenAuthenticator.class);

  private record Snapshot(TokenFile.Version version, Map<String, StoredToken> byId) {}

  private final TokenFile file;
  private final SecretHasher hasher;
  private final VerificationCache cache;
  private final String dummyHash;
  private volatile Snapshot snapshot;

  /**
   * An authenticator over {@code store}'s file, read now.
   *
   * @throws IllegalStateException naming the file if it exists but is not a valid token file, so
   *     that a server fails at start rather than refusing everyone
   */
  public FileTokenAuthenticator(TokenStore store) {
    this(store, DEFAULT_CACHE_CAPACITY);
  }

  FileTokenAuthenticator(TokenStore store, int cacheCapacity) {
    Objects.requireNonNull(store, "store");
    this.file = store.tokenFile();
    this.hasher = store.hasher();
    this.cache = new VerificationCache(cacheCapacity);
    this.dummyHash = hasher.hash(TokenText.newSecret());
    TokenFile.Version version = file.version();
    this.snapshot = new Snapshot(version, index(file));
  }

  @Override
  public Optional<Role> authenticate(String bearerToken) {
    Optional<TokenText.Parts> parsed = TokenText.parse(bearerToken);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    TokenText.Parts parts = parsed.get();
    long generation;
    try {
      generation = refreshIfChanged();
    } catch (UncheckedIOException e) {
      // The contract is an answer, not an exception: a file that cannot be looked at lets no one
      // in (the message names it).
      LOG.error("refusing a token: {}", e.getMessage());
      return Optional.empty();
    }
    byte[] digest = sha256(bearerToken);
    Optional<Role> cached = cache.lookup(parts.id(), digest);
    if (cached.isPresent()) {
      return cached;
    }
    StoredToken stored = snapshot.byId().get(parts.id());
    if (stored == null) {
      hasher.matches(dummyHash, parts.secret());
      return Optional.empty();
    }
    if (!hasher.matches(stored.secretHash(), parts.secret())) {
      return Optional.empty();
    }
    Role role = Role.parse(stored.role());
    cache.put(generation, parts.id(), digest, role);
    return Optional.of(role);
  }

  /** Reads the file again and forgets every cached check, whether or not the file changed. */
  public synchronized void reload() {
    TokenFile.Version version = file.version();
    snapshot = new Snapshot(version, readOrNothing());
    cache.clear();
  }

  int cachedTokens() {
    return cache.size();
  }

  /** Reloads if the file changed; returns the cache generation the caller's check runs under. */
  private long refreshIfChanged() {
    TokenFile.Version now = file.version();
    if (!now.equals(snapshot.version())) {
      synchronized (this) {
        if (!now.equals(snapshot.version())) {
          snapshot = new Snapshot(now, readOrNothing());
          cache.clear();
        }
      }
    }
    // Read after the snapshot: a clear between here and the caller's put makes the put a no-op.
    return cache.generation();
  }

  private Map<String, StoredToken> readOrNothing() {
    try {
      return index(file);
    } catch (RuntimeException e) {
      LOG.error("refusing every token until {} is readable again: {}", file.path(),
          e.getMessage());
      return Map.of();
    }
  }

  private static Map<String, StoredToken> index(TokenFile file) {
    return file.read().stream()
        .collect(Collectors.toUnmodifiableMap(StoredToken::id, Function.identity()));
  }

  private static byte[] sha256(String token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
