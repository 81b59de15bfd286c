package org.ferry.server.auth;

/**
 * What a caller may do. Each role includes the ones before it: ADMIN ⊇ OPERATOR ⊇ VIEWER.
 */
public enum Role {
  /** Reads runs, inventory, the optical view. */
  VIEWER,
  /** Also starts and cancels runs. */
  OPERATOR,
  /** Also replaces the inventory. */
  ADMIN;

  /** Whether this role may do what {@code needed} may. */
  public boolean includes(Role needed) {
    return compareTo(needed) >= 0;
  }
}
