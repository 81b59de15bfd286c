package org.ferry.model.network;

import java.util.Objects;
import org.ferry.model.unit.Distance;

/**
 * A bidirectional fibre span (a fibre pair) between degrees of two ROADMs.
 *
 * @param id the span
 * @param a one end
 * @param z the other end, on another ROADM
 * @param length its length; sets its propagation delay
 */
public record Fiber(FiberId id, Degree a, Degree z, Distance length) {

  public Fiber {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(z, "z");
    Objects.requireNonNull(length, "length");
    if (a.roadm().equals(z.roadm())) {
      throw new IllegalArgumentException("fiber " + id + " must join two different ROADMs");
    }
  }

  /** The ROADM at the other end from {@code node}. */
  public NodeId otherEnd(NodeId node) {
    if (a.roadm().equals(node)) {
      return z.roadm();
    }
    if (z.roadm().equals(node)) {
      return a.roadm();
    }
    throw new IllegalArgumentException("fiber " + id + " does not touch " + node);
  }
}
