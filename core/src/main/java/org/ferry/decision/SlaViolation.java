package org.ferry.decision;

import java.util.Objects;
import java.util.Optional;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.SlaRequirement;
import org.ferry.model.vnf.VnfId;
import org.ferry.seam.compute.NetworkPath;

/**
 * One SLA requirement a VNF's placement misses.
 *
 * @param vnf the VNF
 * @param requirement the requirement missed
 * @param offered what the network offers toward the peer, or empty if the peer is unreachable
 */
public record SlaViolation(VnfId vnf, SlaRequirement requirement, Optional<NetworkPath> offered) {

  public SlaViolation {
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(requirement, "requirement");
    Objects.requireNonNull(offered, "offered");
  }

  /** For humans: "mme-1 → ran: latency 0.385 ms > 0.250 ms". */
  public String describe() {
    String toward = vnf + " -> " + requirement.peer() + ": ";
    if (offered.isEmpty()) {
      return toward + "unreachable";
    }
    NetworkPath path = offered.get();
    StringBuilder why = new StringBuilder(toward);
    if (path.oneWayLatency().compareTo(requirement.maxLatency()) > 0) {
      why.append(String.format("latency %.3f ms > %.3f ms",
          Durations.seconds(path.oneWayLatency()) * 1e3,
          Durations.seconds(requirement.maxLatency()) * 1e3));
    }
    if (path.rate().compareTo(requirement.minBandwidth()) < 0) {
      if (why.length() > toward.length()) {
        why.append(", ");
      }
      why.append("bandwidth ").append(path.rate()).append(" < ")
          .append(requirement.minBandwidth());
    }
    return why.toString();
  }
}
