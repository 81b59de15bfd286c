package org.ferry.model.network;

import java.util.Objects;

/**
 * A ROADM at a site: line degrees toward other ROADMs, and shared risk groups (SRGs) where the
 * site's xponders add and drop their channels.
 *
 * @param id the node
 * @param site where it stands
 * @param degreeCount how many degrees it has, 1 or more
 * @param srgCount how many add/drop groups it has, 1 or more
 */
public record RoadmNode(NodeId id, SiteId site, int degreeCount, int srgCount) {

  public RoadmNode {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(site, "site");
    if (degreeCount < 1 || srgCount < 1) {
      throw new IllegalArgumentException(
          "ROADM " + id + " needs at least one degree and one SRG, got " + degreeCount + " and "
              + srgCount);
    }
  }

  /** Degree {@code number} of this node. */
  public Degree degree(int number) {
    if (number > degreeCount) {
      throw new IllegalArgumentException(
          "ROADM " + id + " has " + degreeCount + " degrees, no degree " + number);
    }
    return new Degree(id, number);
  }
}
