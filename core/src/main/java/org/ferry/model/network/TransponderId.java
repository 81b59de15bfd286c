package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a transponder. A transponder or switchponder port pair.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record TransponderId(String value) implements Comparable<TransponderId> {

  public TransponderId {
    Ids.check(value, "transponder id");
  }

  public static TransponderId of(String value) {
    return new TransponderId(value);
  }

  @Override
  public int compareTo(TransponderId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
