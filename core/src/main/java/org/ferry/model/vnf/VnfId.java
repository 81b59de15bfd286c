package org.ferry.model.vnf;

import org.ferry.model.Ids;

/**
 * Identity of a virtualized network function instance, e.g. {@code mme-1}.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record VnfId(String value) implements Comparable<VnfId> {

  public VnfId {
    Ids.check(value, "VNF id");
  }

  public static VnfId of(String value) {
    return new VnfId(value);
  }

  @Override
  public int compareTo(VnfId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
