package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.model.network.Lightpath;
import org.ferry.model.unit.Distance;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.seam.optical.OpticalEvent;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the controller says wins, over HTTP: the emulator's default network has a 50 km
 * site-a/site-b fibre, Ferry's inventory a 10 km one.
 *
 * <pre>
 *   ran ── 30 km ── site-a
 *     \               │
 *    25 km   50 km (inventory: 10 km)
 *       \             │
 *         ──────── site-b
 * </pre>
 */
class ControllersWordOverHttpTest {

  /** One reading: openroadm-topology, the service paths, the services, the temp-services. */
  static final long READS_PER_READING = 4;

  EmulatedTransportPce emulator;
  TransportPceSettings settings;
  TransportPceOpticalController optical;
  List<OpticalEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    emulator = new EmulatedTransportPce(TopologyFile.defaults(),
        TransportPceOpticalControllerTest.FAST, "admin", "admin").start(0);
    settings = TransportPceSettings.defaults("http://127.0.0.1:" + emulator.port())
        .withFollowTimeout(Duration.ofSeconds(10));
    optical = new TransportPceOpticalController(settings,
        ReferenceSetting.topology(Distance.ofKilometres(10)));
    optical.addListener(events::add);
  }

  @AfterEach
  void stop() {
    optical.close();
    emulator.close();
  }

  @Test
  void lengthsComeFromTheControllerAndTheDisagreementIsSaidOnce() {
    Lightpath dci = optical.lightpath(ReferenceSetting.DCI_A_B).orElseThrow();

    assertThat(dci.route().fibers()).containsExactly(ReferenceSetting.FIBER_A_B);
    assertThat(dci.route().length().kilometres()).as("the controller's, not the inventory's 10")
        .isEqualTo(50);
    assertThat(optical.topology().fiber(ReferenceSetting.FIBER_A_B).length().kilometres())
        .isEqualTo(50);
    assertThat(optical.topology().fiber(ReferenceSetting.FIBER_RAN_A).length().kilometres())
        .as("where they agree nothing changes").isEqualTo(30);
    assertThat(optical.disagreements()).containsExactly("fiber fiber-a-b: the inventory says"
        + " 10 km, the controller says 50 km; using the controller's");
  }

  @Test
  void pollingBetweenEventsCostsAtMostOneReadingAndACutIsSeenAtOnce() throws Exception {
    optical.lightpaths();
    long before = optical.client().restconf().dataReads();

    for (int i = 0; i < 50; i++) {
      optical.lightpaths();
      optical.topology();
    }

    assertThat(optical.client().restconf().dataReads() - before)
        .as("50 polls with no event in between").isLessThanOrEqualTo(READS_PER_READING);
    assertThat(backhaulA()).hasValueSatisfying(lp -> assertThat(lp.inService()
        && lp.route().crosses(ReferenceSetting.FIBER_RAN_A)).isTrue());

    new EmulatorAdmin(settings).cut(ReferenceSetting.FIBER_RAN_A);
    awaitEvent();

    // out of service, being rerouted (gone a moment) or rerouted: anything but the old state
    assertThat(backhaulA().filter(lp -> lp.inService()
        && lp.route().crosses(ReferenceSetting.FIBER_RAN_A)))
        .as("the next call after the cut notification sees the cut").isEmpty();
    assertThat(optical.disagreements()).as("the re-reading warns nothing new").hasSize(1);
  }

  private Optional<Lightpath> backhaulA() {
    return optical.lightpaths().stream()
        .filter(lp -> lp.id().equals(ReferenceSetting.BACKHAUL_A)).findFirst();
  }

  private void awaitEvent() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (events.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no optical event within 10 s");
      }
      Thread.sleep(20);
    }
  }
}
