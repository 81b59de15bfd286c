package org.ferry.compute.criu;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * CRIU's own statistics, read from the {@code stats-dump} and {@code stats-restore} files it
 * writes into the image directory.
 *
 * <p>Why the files and not {@code --display-stats}: the files are written on every dump and
 * restore whatever the log level, they are CRIU's image format (two magic numbers, a 32-bit
 * length, one protobuf {@code StatsEntry} from {@code images/stats.proto}), which is stable across
 * releases, while the displayed text is for humans. Decoding the few varint fields needs no
 * {@code crit} and no protobuf library.
 */
public final class CriuStats {

  private static final int PAGE = 4096;

  private CriuStats() {}

  /**
   * What {@code criu dump} reported (DumpStatsEntry).
   *
   * @param freezing time to freeze the tree
   * @param frozen time the tree stayed frozen (bogus for a lazy dump, which stays frozen while it
   *     serves pages)
   * @param memoryDump time to collect memory
   * @param memoryWrite time to write memory
   * @param pagesScanned pages looked at
   * @param pagesWritten pages written into the image
   * @param pagesLazy pages left at the source for a lazy restore
   */
  public record Dump(
      Duration freezing,
      Duration frozen,
      Duration memoryDump,
      Duration memoryWrite,
      long pagesScanned,
      long pagesWritten,
      long pagesLazy) {

    public long bytesWritten() {
      return pagesWritten * PAGE;
    }

    public long bytesLazy() {
      return pagesLazy * PAGE;
    }
  }

  /**
   * What {@code criu restore} reported (RestoreStatsEntry).
   *
   * @param forking time to fork the tree
   * @param restore time from start to the tree running
   * @param pagesRestored pages put back from the image (lazy pages come later)
   */
  public record Restore(Duration forking, Duration restore, long pagesRestored) {}

  /** Reads {@code stats-dump} in {@code imageDir}, if CRIU wrote one. */
  public static Optional<Dump> readDump(Path imageDir) {
    return read(imageDir.resolve("stats-dump"), 1).map(f -> new Dump(
        micros(f, 1), micros(f, 2), micros(f, 3), micros(f, 4),
        f.getOrDefault(5, 0L), f.getOrDefault(7, 0L), f.getOrDefault(9, 0L)));
  }

  /** Reads {@code stats-restore} in {@code imageDir}, if CRIU wrote one. */
  public static Optional<Restore> readRestore(Path imageDir) {
    return read(imageDir.resolve("stats-restore"), 2).map(f -> new Restore(
        micros(f, 3), micros(f, 4), f.getOrDefault(5, 0L)));
  }

  private static Duration micros(Map<Integer, Long> fields, int number) {
    return Duration.ofNanos(fields.getOrDefault(number, 0L) * 1000);
  }

  /** The varint fields of the sub-message {@code entryField} of the file's StatsEntry. */
  static Optional<Map<Integer, Long>> read(Path file, int entryField) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      return Optional.empty();
    }
    return parse(bytes, entryField);
  }

  static Optional<Map<Integer, Long>> parse(byte[] bytes, int entryField) {
    if (bytes.length < 12) {
      return Optional.empty();
    }
    ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    buffer.getInt(); // the service-image magic
    buffer.getInt(); // the stats magic
    int length = buffer.getInt();
    if (length < 0 || length > buffer.remaining()) {
      return Optional.empty();
    }
    ByteBuffer entry = buffer.slice(buffer.position(), length);
    while (entry.hasRemaining()) {
      long key = varint(entry);
      int field = (int) (key >>> 3);
      int wire = (int) (key & 7);
      if (wire == 2) {
        int size = (int) varint(entry);
        ByteBuffer sub = entry.slice(entry.position(), size);
        entry.position(entry.position() + size);
        if (field == entryField) {
          return Optional.of(fields(sub));
        }
      } else if (!skip(entry, wire)) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static Map<Integer, Long> fields(ByteBuffer message) {
    Map<Integer, Long> fields = new HashMap<>();
    while (message.hasRemaining()) {
      long key = varint(message);
      int wire = (int) (key & 7);
      if (wire == 0) {
        fields.put((int) (key >>> 3), varint(message));
      } else if (!skip(message, wire)) {
        break;
      }
    }
    return fields;
  }

  private static boolean skip(ByteBuffer buffer, int wire) {
    switch (wire) {
      case 0 -> varint(buffer);
      case 1 -> buffer.position(buffer.position() + 8);
      case 2 -> {
        int size = (int) varint(buffer);
        buffer.position(buffer.position() + size);
      }
      case 5 -> buffer.position(buffer.position() + 4);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static long varint(ByteBuffer buffer) {
    long value = 0;
    for (int shift = 0; shift < 64 && buffer.hasRemaining(); shift += 7) {
      byte b = buffer.get();
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return value;
  }
}
