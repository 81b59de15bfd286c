package org.ferry.model.network;

import java.util.Objects;

/**
 * One line-facing direction of a ROADM: where a fibre pair enters it.
 *
 * @param roadm the ROADM that owns this degree
 * @param number 1 or more, as OpenROADM numbers degrees (DEG1, DEG2, ...)
 */
public record Degree(NodeId roadm, int number) {

  public Degree {
    Objects.requireNonNull(roadm, "roadm");
    if (number < 1) {
      throw new IllegalArgumentException("degree number must be 1 or more, got " + number);
    }
  }

  @Override
  public String toString() {
    return roadm + "-DEG" + number;
  }
}
