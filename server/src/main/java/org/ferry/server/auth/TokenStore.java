package org.ferry.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The API tokens under a data directory, in its {@code tokens.json}: per token an id, a role, a
 * BCrypt hash of the secret, the creation time and an optional label, never the token itself.
 *
 * <p>Every change is a read-modify-write of the whole file under two locks: one per directory in
 * this JVM (threads, and several stores on one directory) and an OS file lock on {@code
 * tokens.json.lock} (other processes, such as {@code ferry token create} while the server runs).
 * So concurrent creates and revokes all land. Reads take no lock: the file is replaced
 * atomically.
 */
public final class TokenStore {

  /** Labels longer than this are refused: they are for a listing, not a description. */
  public static final int MAX_LABEL_LENGTH = 200;

  private static final Map<Path, ReentrantLock> DIRECTORY_LOCKS = new ConcurrentHashMap<>();

  private final Path directory;
  private final TokenFile file;
  private final Clock clock;
  private final SecretHasher hasher;

  /**
   * A store on {@code directory}, which is created (owner-only) on the first write.
   *
   * @param directory the data directory, e.g. {@link DataDirectory#defaultPath()}
   */
  public TokenStore(Path directory) {
    this(directory, Clock.systemUTC(), new SecretHasher(SecretHasher.DEFAULT_COST));
  }

  TokenStore(Path directory, Clock clock, SecretHasher hasher) {
    this.directory = directory.toAbsolutePath().normalize();
    this.file = new TokenFile(this.directory.resolve(TokenFile.NAME));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
  }

  /** The token file, for messages. */
  public Path file() {
    return file.path();
  }

  /**
   * Creates a token and stores its hash.
   *
   * @param role what its holder may do
   * @param label what it is for, or null; blank counts as none
   * @return the token, whose text is not kept anywhere: show it once
   * @throws IllegalArgumentException if the label is too long or has control characters
   */
  public IssuedToken create(Role role, String label) {
    Objects.requireNonNull(role, "role");
    String checkedLabel = checkLabel(label);
    String secret = TokenText.newSecret();
    // Hashing is the slow part; do it before taking the locks.
    String hash = hasher.hash(secret);
    String created = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    StoredToken stored = change(tokens -> {
      String id = TokenText.newId();
      while (containsId(tokens, id)) {
        id = TokenText.newId();
      }
      StoredToken token = new StoredToken(id, role.id(), hash, created, checkedLabel);
      tokens.add(token);
      return token;
    });
    return new IssuedToken(stored.info(), new TokenText.Parts(stored.id(), secret).text());
  }

  /** The stored tokens, oldest first. */
  public List<TokenInfo> list() {
    return file.read().stream()
        .map(StoredToken::info)
        .sorted(Comparator.comparing(TokenInfo::created).thenComparing(TokenInfo::id))
        .toList();
  }

  /**
   * Removes the token with this id. An {@link FileTokenAuthenticator} on the same directory, in
   * this process or another, refuses it from its next check on.
   *
   * @return whether there was such a token
   */
  public boolean revoke(String id) {
    return change(tokens -> tokens.removeIf(token -> token.id().equals(id)));
  }

  TokenFile tokenFile() {
    return file;
  }

  SecretHasher hasher() {
    return hasher;
  }

  private <T> T change(Function<List<StoredToken>, T> edit) {
    ReentrantLock local = DIRECTORY_LOCKS.computeIfAbsent(directory, d -> new ReentrantLock());
    local.lock();
    try {
      Files.createDirectories(directory, TokenFile.ownerOnly("rwx------"));
      Path lockPath = directory.resolve(TokenFile.NAME + ".lock");
      try (FileChannel channel = openLockFile(lockPath);
          FileLock ignored = channel.lock()) {
        List<StoredToken> tokens = new ArrayList<>(file.read());
        T result = edit.apply(tokens);
        file.write(tokens);
        return result;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot change the tokens in " + directory + " (" + e + ")", e);
    } finally {
      local.unlock();
    }
  }

  private static FileChannel openLockFile(Path lockPath) throws IOException {
    if (Files.exists(lockPath)) {
      return FileChannel.open(lockPath, StandardOpenOption.WRITE);
    }
    try {
      return FileChannel.open(lockPath, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), TokenFile.ownerOnly("rw-------"));
    } catch (FileAlreadyExistsException raced) {
      return FileChannel.open(lockPath, StandardOpenOption.WRITE);
    }
  }

  private static boolean containsId(List<StoredToken> tokens, String id) {
    return tokens.stream().anyMatch(token -> token.id().equals(id));
  }

  private static String checkLabel(String label) {
    if (label == null || label.isBlank()) {
      return null;
    }
    String stripped = label.strip();
    if (stripped.length() > MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException("the label is " + stripped.length()
          + " characters long; keep it to " + MAX_LABEL_LENGTH);
    }
    if (stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "the label has control characters (tabs, newlines...); use plain text");
    }
    return stripped;
  }
}
