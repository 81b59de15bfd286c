package org.ferry.model.network;

import java.util.List;
import java.util.Objects;
import org.ferry.model.unit.Distance;

/**
 * The ROADMs and fibres a lightpath crosses, in order from its A end.
 *
 * @param roadms the ROADMs, 1 or more (one when both ends drop at the same ROADM)
 * @param fibers the spans between consecutive ROADMs ({@code roadms.size() - 1} of them)
 * @param length total fibre length
 */
public record Route(List<NodeId> roadms, List<FiberId> fibers, Distance length) {

  public Route {
    roadms = List.copyOf(roadms);
    fibers = List.copyOf(fibers);
    Objects.requireNonNull(length, "length");
    if (roadms.isEmpty() || fibers.size() != roadms.size() - 1) {
      throw new IllegalArgumentException(
          "a route of " + roadms.size() + " ROADMs needs " + (roadms.size() - 1) + " fibres, got "
              + fibers.size());
    }
  }

  public boolean crosses(FiberId fiber) {
    return fibers.contains(fiber);
  }

  @Override
  public String toString() {
    return String.join(" > ", roadms.stream().map(NodeId::value).toList()) + " (" + length + ")";
  }
}
