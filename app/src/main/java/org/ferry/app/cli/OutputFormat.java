package org.ferry.app.cli;

import java.util.Locale;

/** {@code --format} of the commands that print either for a reader or as JSON. */
final class OutputFormat {

  private OutputFormat() {}

  /**
   * Whether {@code format} asks for JSON.
   *
   * @param text the name of the reader's format: "table" or "text"
   * @throws IllegalArgumentException naming {@code --format} and what it accepts otherwise
   */
  static boolean textOrJson(String format, String text) {
    String asked = format.toLowerCase(Locale.ROOT);
    if (asked.equals("json")) {
      return true;
    }
    if (asked.equals(text)) {
      return false;
    }
    throw new IllegalArgumentException("--format: '" + format + "' is not one of " + text
        + ", json");
  }
}
