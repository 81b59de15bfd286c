package org.ferry.server.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * The token file, {@code tokens.json}: read whole, written whole. A write goes to a temporary
 * file beside it, created owner-only (0600 where the file system is POSIX), forced to disk and
 * moved over the old one, so a reader sees the old file or the new one, never half of either.
 */
final class TokenFile {

  static final String NAME = "tokens.json";
  private static final int FORMAT = 1;
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  /** The file's JSON shape. */
  record Content(
      @JsonProperty("format") int format, @JsonProperty("tokens") List<StoredToken> tokens) {}

  /**
   * What a file looked like when read: its inode (where the file system has one), modification
   * time and size. An atomic replace gives a new inode, so two reads one millisecond apart still
   * differ; {@link #ABSENT} stands for no file.
   */
  record Version(Object fileKey, long modifiedNanos, long size) {
    static final Version ABSENT = new Version(null, -1, -1);
  }

  private final Path path;

  TokenFile(Path path) {
    this.path = Objects.requireNonNull(path, "path");
  }

  Path path() {
    return path;
  }

  /** The file's current version, cheap enough to ask on every request (one stat). */
  Version version() {
    try {
      BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
      return new Version(attributes.fileKey(),
          attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS),
          attributes.size());
    } catch (NoSuchFileException absent) {
      return Version.ABSENT;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the attributes of the token file " + path
          + " (" + e + ")", e);
    }
  }

  /**
   * The tokens in the file; none if there is no file yet.
   *
   * @throws IllegalStateException naming the file if it is not a token file this build reads
   */
  List<StoredToken> read() {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(path);
    } catch (NoSuchFileException absent) {
      return List.of();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token file " + path + " (" + e + ")", e);
    }
    Content content;
    try {
      content = JSON.readValue(bytes, Content.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the token file " + path + " is not valid JSON ("
          + e.getOriginalMessage() + "); restore it from a backup or remove it and create the"
          + " tokens anew", e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the token file " + path + " (" + e + ")", e);
    }
    if (content == null || content.format() != FORMAT || content.tokens() == null) {
      throw new IllegalStateException("the token file " + path + " is not in token file format "
          + FORMAT + "; it was written by another version of ferry, or by hand");
    }
    for (StoredToken token : content.tokens()) {
      checkComplete(token);
    }
    return List.copyOf(content.tokens());
  }

  private void checkComplete(StoredToken token) {
    if (token == null || token.id() == null || token.role() == null
        || token.secretHash() == null || token.created() == null) {
      throw new IllegalStateException("the token file " + path + " has an entry without its "
          + "id, role, secret_hash or created: " + token);
    }
    try {
      token.info();
    } catch (RuntimeException e) {
      throw new IllegalStateException("the token file " + path + " has a bad entry for token "
          + token.id() + ": " + e.getMessage(), e);
    }
  }

  /** Replaces the file's content with {@code tokens}, atomically and owner-only. */
  void write(List<StoredToken> tokens) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(new Content(FORMAT, tokens));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the token file", e);
    }
    Path directory = path.toAbsolutePath().getParent();
    Path temporary = null;
    try {
      temporary = Files.createTempFile(directory, NAME + ".", ".tmp", ownerOnly("rw-------"));
      try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        channel.force(true);
      }
      keepModificationTimesIncreasing(temporary);
      move(temporary, path);
      temporary = null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the token file " + path + " (" + e + ")", e);
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // The write already failed and says so; a stray temporary file is the lesser harm.
        }
      }
    }
  }

  /**
   * Gives the new file a modification time after the old one's. Readers tell versions apart by
   * inode, time and size; an inode can be reused and two writes can fall in one clock tick with
   * the same size (revoke one token, create another), so the time alone must always move on.
   */
  private void keepModificationTimesIncreasing(Path temporary) throws IOException {
    Version old = version();
    if (old.equals(Version.ABSENT)) {
      return;
    }
    long fresh = Files.getLastModifiedTime(temporary).to(TimeUnit.NANOSECONDS);
    if (fresh <= old.modifiedNanos()) {
      // A millisecond, not a nanosecond: some file systems keep times no finer.
      Files.setLastModifiedTime(temporary,
          FileTime.from(old.modifiedNanos() + 1_000_000, TimeUnit.NANOSECONDS));
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      // Same directory, so this only happens on odd file systems; a plain replace is still
      // better than no write.
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** A POSIX permission attribute, or none where the file system has no POSIX permissions. */
  static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))}
        : new FileAttribute<?>[0];
  }
}
