package org.ferry.model;

import java.util.regex.Pattern;

/** The one rule every identifier in Ferry follows, so that ids are safe in URLs, files and logs. */
public final class Ids {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private Ids() {}

  /**
   * Checks an identifier.
   *
   * @param value the identifier
   * @param what what it identifies, for the error message ("site id")
   * @throws IllegalArgumentException naming {@code what} and the rule, if it is not valid
   */
  public static void check(String value, String what) {
    if (value == null || !VALID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
  }
}
