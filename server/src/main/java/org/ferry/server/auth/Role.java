package org.ferry.server.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a token's holder may do. Each role includes the ones below it: an admin may do all an
 * operator may, an operator all a viewer may.
 *
 * <ul>
 *   <li>{@link #VIEWER} reads: runs, events, metrics.
 *   <li>{@link #OPERATOR} also starts and cancels runs.
 *   <li>{@link #ADMIN} also changes the server itself (drain, settings).
 * </ul>
 */
public enum Role {
  VIEWER,
  OPERATOR,
  ADMIN;

  /**
   * Whether this role grants everything {@code other} grants.
   *
   * @param other the role an action needs
   * @return true if a holder of this role may do what {@code other} may
   */
  public boolean includes(Role other) {
    // The constants are declared from least to most rights.
    return compareTo(other) >= 0;
  }

  /** The role's name as users type it and the token file stores it: {@code "operator"}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The role named by {@code text}, in any case, surrounding blanks ignored.
   *
   * @throws IllegalArgumentException naming the text and the roles there are, if none matches
   */
  public static Role parse(String text) {
    String wanted = text == null ? "" : text.strip();
    for (Role role : values()) {
      if (role.id().equalsIgnoreCase(wanted)) {
        return role;
      }
    }
    throw new IllegalArgumentException(
        "unknown role '" + text + "'; expected one of " + ids());
  }

  /** The roles' ids from least to most rights, comma separated: for help and error texts. */
  public static String ids() {
    return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
  }

  @Override
  public String toString() {
    return id();
  }
}
