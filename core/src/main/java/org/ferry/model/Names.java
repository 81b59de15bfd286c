package org.ferry.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parses user-facing names of enum constants ("pre-copy", "floating-ip", "small") the same way
 * everywhere, with an error that lists what is accepted.
 */
public final class Names {

  private Names() {}

  /**
   * Finds the constant whose name matches {@code text}, ignoring case.
   *
   * @param type the enum
   * @param text what the user wrote
   * @param what what is being named, for the message ("VNF kind")
   * @param name the user-facing name of a constant
   * @throws IllegalArgumentException that lists the accepted names, if none matches
   */
  public static <E extends Enum<E>> E parse(
      Class<E> type, String text, String what, Function<E, String> name) {
    String wanted = text == null ? "" : text.trim();
    for (E constant : type.getEnumConstants()) {
      if (name.apply(constant).equalsIgnoreCase(wanted)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        "unknown " + what + " '" + text + "'; expected one of " + accepted(type, name));
  }

  /** The accepted names of an enum's constants, comma separated. */
  public static <E extends Enum<E>> String accepted(Class<E> type, Function<E, String> name) {
    return Arrays.stream(type.getEnumConstants()).map(name).collect(Collectors.joining(", "));
  }

  /** {@code FLOATING_IP} → {@code floating-ip}. */
  public static String kebab(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
