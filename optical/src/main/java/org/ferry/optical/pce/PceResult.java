package org.ferry.optical.pce;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the PCE found: a path with its spectrum, or why there is none. Not finding a path is an
 * expected outcome, carried as data, as TransportPCE's {@code PceResult} does.
 *
 * @param cause {@link Cause#NONE} on success
 * @param message TransportPCE's words for the outcome
 * @param path the path when {@code cause} is NONE
 */
public record PceResult(Cause cause, String message, Optional<Path> path) {

  /** TransportPCE's messages. */
  public static final String CALCULATED = "Path is calculated by PCE";
  public static final String NO_PATH = "No path found by PCE";
  public static final String NO_FREQUENCY = "No frequencies available.";
  public static final String TOO_HIGH_LATENCY =
      "Latency is too high according to pce hard constraints.";
  public static final String NOT_INCLUDED =
      "Nodes in path are not included in pce hard constraints.";

  /** Why no path was found (TransportPCE's {@code LocalCause}, plus spectrum). */
  public enum Cause {
    NONE,
    NO_PATH_EXISTS,
    NO_FREQUENCY,
    TOO_HIGH_LATENCY,
    HD_NODE_INCLUDE
  }

  /**
   * A computed path.
   *
   * @param aXponder the A-end xponder
   * @param zXponder the Z-end xponder
   * @param roadms the ROADMs crossed, from the A end
   * @param spans the spans between them, in order
   * @param block the spectrum, the same on every span
   * @param lengthKm total span length
   * @param latencyMs latency as the PCE counts it (whole ms per span)
   */
  public record Path(
      String aXponder,
      String zXponder,
      List<String> roadms,
      List<String> spans,
      SpectrumAssignment block,
      double lengthKm,
      long latencyMs) {
    public Path {
      roadms = List.copyOf(roadms);
      spans = List.copyOf(spans);
      Objects.requireNonNull(block, "block");
    }
  }

  public static PceResult found(Path path) {
    return new PceResult(Cause.NONE, CALCULATED, Optional.of(path));
  }

  public static PceResult failed(Cause cause, String message) {
    return new PceResult(cause, message, Optional.empty());
  }

  public boolean succeeded() {
    return cause == Cause.NONE;
  }
}
