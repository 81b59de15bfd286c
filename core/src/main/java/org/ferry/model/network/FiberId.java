package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a fiber. A fibre span between two ROADM degrees.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record FiberId(String value) implements Comparable<FiberId> {

  public FiberId {
    Ids.check(value, "fiber id");
  }

  public static FiberId of(String value) {
    return new FiberId(value);
  }

  @Override
  public int compareTo(FiberId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
