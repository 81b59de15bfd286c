package org.ferry.app.report;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * What Ferry knows of the terminal its output goes to. Since Java 22 {@code System.console()}
 * answers even when the streams are redirected, so on Linux the file a stream's descriptor names
 * decides ({@code /dev/pts/N} or {@code /dev/ttyN}); elsewhere {@code System.console()} does.
 */
public final class Terminal {

  private Terminal() {}

  /** Whether standard output is a terminal. */
  public static boolean stdout() {
    return isTerminal(1);
  }

  /** Whether standard error is a terminal. */
  public static boolean stderr() {
    return isTerminal(2);
  }

  private static boolean isTerminal(int fd) {
    Path link = Path.of("/proc/self/fd/" + fd);
    if (Files.isSymbolicLink(link)) {
      try {
        String target = Files.readSymbolicLink(link).toString();
        return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
      } catch (IOException e) {
        return false;
      }
    }
    return System.console() != null;
  }

  /**
   * The terminal's width in columns: {@code COLUMNS} if set, else what {@code stty} says of the
   * controlling terminal; empty if standard output is no terminal or the width is unknown.
   */
  public static OptionalInt columns() {
    if (!stdout()) {
      return OptionalInt.empty();
    }
    OptionalInt fromEnvironment = parse(System.getenv("COLUMNS"));
    return fromEnvironment.isPresent() ? fromEnvironment : fromStty();
  }

  private static OptionalInt fromStty() {
    try {
      Process stty = new ProcessBuilder("stty", "size")
          .redirectInput(new File("/dev/tty")).redirectErrorStream(true).start();
      if (!stty.waitFor(1, TimeUnit.SECONDS)) {
        stty.destroy();
        return OptionalInt.empty();
      }
      String[] rowsCols = new String(stty.getInputStream().readAllBytes(),
          StandardCharsets.US_ASCII).trim().split("\\s+");
      return rowsCols.length == 2 ? parse(rowsCols[1]) : OptionalInt.empty();
    } catch (IOException e) {
      return OptionalInt.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return OptionalInt.empty();
    }
  }

  private static OptionalInt parse(String text) {
    try {
      int columns = text == null ? 0 : Integer.parseInt(text.trim());
      return columns > 0 ? OptionalInt.of(columns) : OptionalInt.empty();
    } catch (NumberFormatException e) {
      return OptionalInt.empty();
    }
  }
}
