package org.ferry.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.model.network.Frequency;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.LightpathState;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.Route;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Topology;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.model.network.FiberId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.Distance;
import org.ferry.seam.optical.OpticalController;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.OpticalListener;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.junit.jupiter.api.Test;

/** The follower against a scripted controller and a recording link: no root needed. */
class LightpathFollowerTest {

  private static final SiteId A = SiteId.of("site-a");
  private static final SiteId B = SiteId.of("site-b");

  @Test
  void linkFollowsServicesAndCuts() {
    ScriptedController optical = new ScriptedController();
    RecordingLink link = new RecordingLink();
    try (LightpathFollower follower = new LightpathFollower(optical, link, A, B)) {
      assertThat(follower.sync()).as("no service: the link stays cut").isEmpty();

      optical.paths.add(lightpath("temp-1", TransponderClass.SWITCHPONDER_1G, 25,
          LightpathState.IN_SERVICE));
      LinkShape shape = follower.sync().orElseThrow();
      assertThat(shape.rate()).contains(DataRate.ofGbps(1));
      assertThat(shape.oneWayDelay()).as("25 km x 5 µs + 2 x 5 µs").isEqualTo(Duration.ofNanos(135_000));

      optical.paths.add(lightpath("temp-2", TransponderClass.SWITCHPONDER_10G, 50,
          LightpathState.IN_SERVICE));
      assertThat(follower.sync().orElseThrow().rate()).as("the fastest service wins")
          .contains(DataRate.ofGbps(10));

      optical.paths.replaceAll(lp -> lp.withState(LightpathState.OUT_OF_SERVICE));
      assertThat(follower.sync()).as("every service cut: the link goes").isEmpty();
      assertThat(link.log).containsExactly("up 1 Gb/s, 135 µs one-way", "up 10 Gb/s, 260 µs one-way",
          "cut");
    }
  }

  @Test
  void tenantTransponderIsNotShaped() {
    LinkShape shape = LinkShape.of(lightpath("x", TransponderClass.TRANSPONDER_100G, 0.3,
        LightpathState.IN_SERVICE));
    assertThat(shape.rate()).as("40G client rate: as fast as the machine goes").isEmpty();
  }

  private static Lightpath lightpath(String id, TransponderClass kind, double km,
      LightpathState state) {
    Route route = new Route(List.of(NodeId.of("roadm-a"), NodeId.of("roadm-b")),
        List.of(FiberId.of("fiber-a-b")), Distance.ofKilometres(km));
    return new Lightpath(LightpathId.of(id), kind, new Lightpath.End(A, TransponderId.of(id + "-a")),
        new Lightpath.End(B, TransponderId.of(id + "-b")), route,
        Frequency.ofFixedGridChannel(1), state, true);
  }

  private static final class RecordingLink implements LightpathLink {
    final List<String> log = new ArrayList<>();

    @Override
    public void applyLink(LinkShape shape) {
      log.add("up " + shape);
    }

    @Override
    public void cutLink() {
      log.add("cut");
    }
  }

  private static final class ScriptedController implements OpticalController {
    final List<Lightpath> paths = new CopyOnWriteArrayList<>();

    @Override
    public Topology topology() {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Lightpath> lightpaths() {
      return List.copyOf(paths);
    }

    @Override
    public Optional<Lightpath> lightpath(LightpathId id) {
      return paths.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    @Override
    public RestorationResult restore(LightpathId id) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Lightpath setUpTemporary(TemporaryLightpathRequest request) {
      throw new UnsupportedOperationException();
    }

    @Override
    public void release(LightpathId id) {
      paths.removeIf(p -> p.id().equals(id));
    }

    @Override
    public void addListener(OpticalListener listener) {}

    @SuppressWarnings("unused")
    void fire(OpticalEvent e) {}
  }
}
