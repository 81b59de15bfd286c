package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.model.network.FiberId;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.Distance;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.seam.SouthboundException;
import org.ferry.seam.optical.LightpathSetupException;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.seam.optical.RestorationResult;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The optical seam over HTTP against the emulator with the reference setting's services. */
class TransportPceOpticalControllerTest {

  static final Timings FAST = new Timings(Duration.ofMillis(100),
      Optional.of(Duration.ofMillis(200)), Duration.ofMillis(100));

  EmulatedTransportPce emulator;
  TransportPceSettings settings;
  TransportPceOpticalController optical;
  List<OpticalEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    emulator = new EmulatedTransportPce(TopologyFile.defaults(), FAST, "admin", "admin").start(0);
    settings = TransportPceSettings.defaults("http://127.0.0.1:" + emulator.port())
        .withFollowTimeout(Duration.ofSeconds(10));
    optical = new TransportPceOpticalController(settings,
        ReferenceSetting.topology(Distance.ofKilometres(50)));
    optical.addListener(events::add);
  }

  @AfterEach
  void stop() {
    optical.close();
    emulator.close();
  }

  @Test
  void listsTheStartUpServicesAsLightpathsOnTheirFibres() {
    List<Lightpath> lightpaths = optical.lightpaths();

    assertThat(lightpaths).extracting(lp -> lp.id().value())
        .containsExactlyInAnyOrder("backhaul-ran-a", "backhaul-ran-b", "dci-a-b");
    Lightpath backhaul = optical.lightpath(ReferenceSetting.BACKHAUL_A).orElseThrow();
    assertThat(backhaul.inService()).isTrue();
    assertThat(backhaul.kind()).isEqualTo(TransponderClass.TRANSPONDER_100G);
    assertThat(backhaul.route().fibers()).containsExactly(ReferenceSetting.FIBER_RAN_A);
    assertThat(backhaul.route().length().kilometres()).isEqualTo(30);
    assertThat(backhaul.frequency().terahertz()).isEqualTo(196.1);
    assertThat(backhaul.aEnd().site()).isEqualTo(ReferenceSetting.RAN);
    assertThat(optical.lightpath(LightpathId.of("nothing"))).isEmpty();
  }

  @Test
  void setsUpATemporaryLightpathAndReleasesIt() {
    Lightpath temp = optical.setUpTemporary(new TemporaryLightpathRequest(
        LightpathId.of("migration-1"), ReferenceSetting.SITE_A, ReferenceSetting.SITE_B,
        TransponderClass.SWITCHPONDER_1G));

    assertThat(temp.inService()).isTrue();
    assertThat(temp.temporary()).isTrue();
    assertThat(temp.route().roadms()).containsExactly(NodeId.of("roadm-a"), NodeId.of("roadm-b"));
    assertThat(temp.frequency().terahertz()).as("dci-a-b holds 196.1 on fiber-a-b")
        .isEqualTo(196.05);
    assertThat(optical.lightpaths()).anyMatch(Lightpath::temporary);

    optical.release(temp.id());

    assertThat(optical.lightpaths()).noneMatch(Lightpath::temporary);
    optical.release(temp.id()); // gone already: nothing happens
  }

  @Test
  void hearsOfACutAndFollowsTheRestorationTransportPceMakes() throws Exception {
    new EmulatorAdmin(settings).cut(ReferenceSetting.FIBER_RAN_A);

    OpticalEvent.FiberFailed failed = (OpticalEvent.FiberFailed) awaitEvent();
    assertThat(failed.fiber()).isEqualTo(ReferenceSetting.FIBER_RAN_A);
    assertThat(failed.lightpathsDown()).containsExactly(ReferenceSetting.BACKHAUL_A);

    RestorationResult result = optical.restore(ReferenceSetting.BACKHAUL_A);

    assertThat(result.succeeded()).as(result.message()).isTrue();
    Lightpath restored = result.restored().orElseThrow();
    assertThat(restored.route().fibers()).containsExactly(ReferenceSetting.FIBER_B_RAN,
        ReferenceSetting.FIBER_A_B);
    assertThat(restored.route().length().kilometres()).isEqualTo(75);
    assertThat(restored.inService()).isTrue();
  }

  @Test
  void hearsOfACutThroughTransportPcesOwnNbiNotificationsToo() throws Exception {
    try (TransportPceOpticalController nbi = new TransportPceOpticalController(
        settings.withNotifications(TransportPceSettings.NotificationSource.NBI_NOTIFICATIONS),
        ReferenceSetting.topology(Distance.ofKilometres(50)))) {
      List<OpticalEvent> heard = new CopyOnWriteArrayList<>();
      nbi.addListener(heard::add);

      new EmulatorAdmin(settings).cut(ReferenceSetting.FIBER_B_RAN);

      long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
      while (heard.isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(heard).first().isInstanceOfSatisfying(OpticalEvent.FiberFailed.class, f -> {
        assertThat(f.fiber()).isEqualTo(ReferenceSetting.FIBER_B_RAN);
        assertThat(f.lightpathsDown()).containsExactly(ReferenceSetting.BACKHAUL_B);
      });
    }
  }

  @Test
  void restorationWithNoPathLeftSaysWhyQuotingTransportPce() {
    EmulatorAdmin admin = new EmulatorAdmin(settings);
    admin.cut(ReferenceSetting.FIBER_B_RAN);
    admin.cut(ReferenceSetting.FIBER_RAN_A);

    RestorationResult result = optical.restore(ReferenceSetting.BACKHAUL_A);

    assertThat(result.cause()).isEqualTo(RestorationResult.Cause.NO_PATH_EXISTS);
    assertThat(result.message()).contains("backhaul-ran-a", "No path found by PCE");
  }

  @Test
  void aTemporaryLightpathWithNoPathFailsNamingItAndQuotingTransportPce() {
    EmulatorAdmin admin = new EmulatorAdmin(settings);
    admin.cut(ReferenceSetting.FIBER_A_B);
    admin.cut(ReferenceSetting.FIBER_RAN_A);

    assertThatThrownBy(() -> optical.setUpTemporary(new TemporaryLightpathRequest(
        LightpathId.of("migration-1"), ReferenceSetting.SITE_A, ReferenceSetting.SITE_B,
        TransponderClass.SWITCHPONDER_1G)))
        .isInstanceOf(LightpathSetupException.class)
        .hasMessageContaining("migration-1")
        .hasMessageContaining("PCE path computation failed !");
  }

  @Test
  void anUnknownFibreIsRefusedByTheAdminApi() {
    assertThatThrownBy(() -> new EmulatorAdmin(settings).cut(FiberId.of("fiber-x")))
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("unknown fiber 'fiber-x'");
  }

  @Test
  void wrongCredentialsAndNoControllerAreClearErrors() {
    TransportPceSettings wrong = settings.withCredentials("admin", "wrong");
    assertThatThrownBy(() -> new TransportPceClient(wrong).services())
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("HTTP 401")
        .matches(e -> !((SouthboundException) e).retriable());

    int port = emulator.port();
    emulator.close();
    assertThatThrownBy(() -> new TransportPceClient(TransportPceSettings.defaults(
        "http://127.0.0.1:" + port)).services())
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("TransportPCE at http://127.0.0.1:" + port)
        .matches(e -> ((SouthboundException) e).retriable());
  }

  private OpticalEvent awaitEvent() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (events.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no optical event within 10 s");
      }
      Thread.sleep(20);
    }
    return events.getFirst();
  }
}
