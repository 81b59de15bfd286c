package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a lightpath. A lightpath, named as its service is in the optical controller (the OpenROADM {@code service-name}).
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record LightpathId(String value) implements Comparable<LightpathId> {

  public LightpathId {
    Ids.check(value, "lightpath id");
  }

  public static LightpathId of(String value) {
    return new LightpathId(value);
  }

  @Override
  public int compareTo(LightpathId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
