package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a switch. An OpenFlow switch (its datapath), e.g. the top-of-rack switch of a site.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record SwitchId(String value) implements Comparable<SwitchId> {

  public SwitchId {
    Ids.check(value, "switch id");
  }

  public static SwitchId of(String value) {
    return new SwitchId(value);
  }

  @Override
  public int compareTo(SwitchId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
