package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a site. A compute site or the RAN's cell site, e.g. {@code site-a}.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record SiteId(String value) implements Comparable<SiteId> {

  public SiteId {
    Ids.check(value, "site id");
  }

  public static SiteId of(String value) {
    return new SiteId(value);
  }

  @Override
  public int compareTo(SiteId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
