package org.ferry.model.network;

import org.ferry.model.Ids;

/**
 * Identity of a node. An optical network element: a ROADM or an xponder.
 *
 * @param value letters, digits, '.', '_' or '-'; 1 to 64 characters
 */
public record NodeId(String value) implements Comparable<NodeId> {

  public NodeId {
    Ids.check(value, "node id");
  }

  public static NodeId of(String value) {
    return new NodeId(value);
  }

  @Override
  public int compareTo(NodeId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
