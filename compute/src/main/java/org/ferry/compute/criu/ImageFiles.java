package org.ferry.compute.criu;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.ferry.seam.compute.MigrationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * CRIU's images and logs on disk. A move has one directory ({@code WORKDIR/VNF-N}) with an image
 * directory per site under it ({@code WORKDIR/VNF-N/SITE}); the move's directory is its key.
 */
final class ImageFiles {

  /** The façade's logger, so that the log lines read as they always have. */
  private static final Logger log = LoggerFactory.getLogger(CriuContainerVim.class);

  private ImageFiles() {}

  /** One move's key: the directory above its per-site image directories. */
  static String key(Path imageDir) {
    return imageDir.toAbsolutePath().getParent().toString();
  }

  /** Fails, saying which, unless {@code dir} holds an image CRIU can restore from. */
  static void requireImage(String vim, Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new MigrationFailedException(vim, "image directory " + dir + " is missing", false);
    }
    for (String needed : List.of("inventory.img", "pstree.img")) {
      if (!nonEmpty(dir.resolve(needed))) {
        throw new MigrationFailedException(vim, "image directory " + dir + " is damaged: "
            + needed + " is missing or empty", false);
      }
    }
  }

  static long sizeOf(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          return 0;
        }
      }).sum();
    } catch (IOException e) {
      return 0;
    }
  }

  static boolean nonEmpty(Path file) {
    try {
      return Files.size(file) > 0;
    } catch (IOException e) {
      return false;
    }
  }

  static String tail(Path logFile) {
    try {
      List<String> lines = Files.readAllLines(logFile);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 8), lines.size()));
    } catch (IOException e) {
      return "";
    }
  }

  /** CRIU's "Error" lines from a log, quoted, or nothing. */
  static String errorLines(Path logFile) {
    try {
      List<String> errors = Files.readAllLines(logFile).stream()
          .filter(l -> l.contains("Error") && !l.contains("RLIMIT_NOFILE"))
          .limit(6)
          .toList();
      return errors.isEmpty() ? "" : "; " + logFile.getFileName() + " says: \""
          + String.join(" | ", errors).strip() + "\"";
    } catch (IOException e) {
      return "";
    }
  }

  static void createDirectory(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort
        }
      });
    } catch (IOException e) {
      log.warn("could not delete {}: {}", dir, e.getMessage());
    }
  }
}
