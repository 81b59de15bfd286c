package org.ferry.optical.pce;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ferry.optical.pce.OpticalNetwork.End;
import org.ferry.optical.pce.OpticalNetwork.Grid;
import org.ferry.optical.pce.OpticalNetwork.Roadm;
import org.ferry.optical.pce.OpticalNetwork.Span;
import org.ferry.optical.pce.OpticalNetwork.Xponder;
import org.ferry.optical.pce.OpticalNetwork.XponderType;
import org.junit.jupiter.api.Test;

/**
 * Path computation and spectrum assignment on a four-ROADM mesh.
 *
 * <pre>
 *     r1 ---- s12 (10 km) ---- r2
 *     |  \                      |
 *   s14   s13 (100 km)        s23 (10 km)
 *  (10 km)      \               |
 *     r4 ---- s34 (10 km) ---- r3
 * </pre>
 */
class PathComputationTest {

  static OpticalNetwork mesh(Grid grid) {
    List<Roadm> roadms = List.of(new Roadm("r1", "s1", 3, 1), new Roadm("r2", "s2", 2, 1),
        new Roadm("r3", "s3", 3, 1), new Roadm("r4", "s4", 2, 1));
    List<Xponder> xponders = List.of(
        new Xponder("x1", "s1", "r1", 1, XponderType.TRANSPONDER_100G),
        new Xponder("x3", "s3", "r3", 1, XponderType.TRANSPONDER_100G));
    List<Span> spans = List.of(
        new Span("s12", new End("r1", 1), new End("r2", 1), 10, List.of(12L)),
        new Span("s23", new End("r2", 2), new End("r3", 1), 10, List.of(23L)),
        new Span("s13", new End("r1", 2), new End("r3", 2), 100, List.of(13L)),
        new Span("s14", new End("r1", 3), new End("r4", 1), 10, List.of(14L)),
        new Span("s34", new End("r4", 2), new End("r3", 3), 10, List.of(34L)));
    return new OpticalNetwork(roadms, xponders, spans, grid);
  }

  static PathRequest request(PathRequest.Metric metric, Constraints constraints) {
    return new PathRequest("x1", "x3", 100, metric, constraints, Set.of());
  }

  OpticalNetwork network = mesh(Grid.FIXED);
  PathComputation pce = new PathComputation(network);
  Spectrum spectrum = new Spectrum(List.of("s12", "s23", "s13", "s14", "s34"));

  @Test
  void hopCountTakesTheDirectSpanAndDelayTakesTheShortFibres() {
    PceResult hops = pce.compute(request(PathRequest.Metric.HOP_COUNT, Constraints.NONE),
        spectrum);
    PceResult delay = pce.compute(request(PathRequest.Metric.PROPAGATION_DELAY,
        Constraints.NONE), spectrum);

    assertThat(hops.path().orElseThrow().spans()).containsExactly("s13");
    assertThat(delay.path().orElseThrow().spans()).hasSize(2);
    assertThat(delay.path().orElseThrow().lengthKm()).isEqualTo(20);
  }

  @Test
  void fixedGridGivesChannelsFromTheTop() {
    PceResult first = pce.compute(request(PathRequest.Metric.HOP_COUNT, Constraints.NONE),
        spectrum);
    spectrum.occupy(first.path().orElseThrow().spans(), first.path().orElseThrow().block());
    PceResult second = pce.compute(request(PathRequest.Metric.HOP_COUNT, Constraints.NONE),
        spectrum);

    assertThat(first.path().orElseThrow().block().centreFrequencyThz()).isEqualTo(196.1);
    assertThat(first.path().orElseThrow().block().slots()).isEqualTo("761:768");
    assertThat(second.path().orElseThrow().block().centreFrequencyThz()).isEqualTo(196.05);
    assertThat(second.path().orElseThrow().block().wavelengthNumber()).isEqualTo(2);
  }

  @Test
  void flexGridPacks400gIntoFourteenSlotsAtTheTop() {
    OpticalNetwork flex = mesh(Grid.FLEX);
    PceResult result = new PathComputation(flex).compute(
        new PathRequest("x1", "x3", 400, PathRequest.Metric.HOP_COUNT, Constraints.NONE,
            Set.of()), spectrum);

    SpectrumAssignment block = result.path().orElseThrow().block();
    assertThat(block.slots()).isEqualTo("755:768");
    assertThat(block.centreFrequencyThz()).isEqualTo(196.08125);
    assertThat(block.widthGhz()).isEqualTo(87.5);
    assertThat(block.wavelengthNumber()).isZero();
  }

  @Test
  void exclusionsAndFailuresShapeThePath() {
    Constraints noR2 = new Constraints(List.of("r2"), List.of(13L), List.of(), List.of(),
        Optional.empty());
    PceResult viaR4 = pce.compute(request(PathRequest.Metric.HOP_COUNT, noR2), spectrum);
    PceResult noSite = pce.compute(request(PathRequest.Metric.HOP_COUNT,
        new Constraints(List.of(), List.of(13L), List.of("s2", "s4"), List.of(),
            Optional.empty())), spectrum);
    PceResult failed = pce.compute(new PathRequest("x1", "x3", 100,
        PathRequest.Metric.HOP_COUNT, Constraints.NONE, Set.of("s13", "s23", "s34")), spectrum);
    PceResult include = pce.compute(request(PathRequest.Metric.HOP_COUNT,
        new Constraints(List.of(), List.of(), List.of(), List.of("r4"), Optional.empty())),
        spectrum);

    assertThat(viaR4.path().orElseThrow().roadms()).containsExactly("r1", "r4", "r3");
    assertThat(noSite.cause()).isEqualTo(PceResult.Cause.NO_PATH_EXISTS);
    assertThat(noSite.message()).isEqualTo("No path found by PCE");
    assertThat(failed.cause()).isEqualTo(PceResult.Cause.NO_PATH_EXISTS);
    assertThat(include.path().orElseThrow().roadms()).contains("r4");
  }

  @Test
  void aFullBandSaysNoFrequencies() {
    for (int n = 1; n <= 96; n++) {
      spectrum.occupy(List.of("s13", "s12", "s14"), SpectrumAssignment.fixedGridChannel(n));
    }

    PceResult result = pce.compute(request(PathRequest.Metric.HOP_COUNT, Constraints.NONE),
        spectrum);

    assertThat(result.cause()).isEqualTo(PceResult.Cause.NO_FREQUENCY);
    assertThat(result.message()).isEqualTo("No frequencies available.");
  }

  @Test
  void occupyingAUsedSlotIsRefused() {
    spectrum.occupy(List.of("s12"), SpectrumAssignment.fixedGridChannel(1));

    org.assertj.core.api.Assertions.assertThatThrownBy(
        () -> spectrum.occupy(List.of("s12"), SpectrumAssignment.fixedGridChannel(1)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(spectrum.availableMap("s12")[95]).isZero();
    assertThat(spectrum.availableMap("s12")[94]).isEqualTo((byte) 0xff);
  }
}
