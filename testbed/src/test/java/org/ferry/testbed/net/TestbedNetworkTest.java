package org.ferry.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.DataRate;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.simulation.SimulatedOpticalController;
import org.ferry.simulation.SimulationSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real network: namespaces, the shaped and delayed lightpath, a cut. Needs root on Linux (it
 * skips, saying why, elsewhere); as root it runs, and a missing tool fails it.
 */
class TestbedNetworkTest {

  private static Testbed testbed;

  @BeforeAll
  static void up() {
    String why = Testbed.unsupportedReason().orElse(null);
    if (why != null) {
      System.out.println("TestbedNetworkTest skipped: " + why);
    }
    assumeTrue(why == null, why);
    testbed = new Testbed(new TestbedLayout("ferry-t" + ProcessHandle.current().pid()),
        TestbedArtefacts.fromEnvironment());
    testbed.up();
  }

  @AfterAll
  static void down() {
    if (testbed != null) {
      testbed.down();
      assertThat(testbed.isUp()).isFalse();
    }
  }

  @Test
  void lightpathCarriesTrafficWithItsDelayAndGoesWhenCut() {
    CommandRunner run = CommandRunner.withDefaultTimeout();
    String ran = testbed.layout().ranNamespace();
    String siteB = testbed.layout().siteB().hostAddress();
    assertThat(ping(run, ran, siteB)).as("the lightpath starts cut").isNegative();

    testbed.applyLink(LinkShape.of(DataRate.ofGbps(1), Duration.ofNanos(260_000)));
    double rttMs = ping(run, ran, siteB);
    assertThat(rttMs).as("RTT over a 50 km lightpath (2 x 260 µs)").isBetween(0.35, 3.0);
    assertThat(testbed.status()).contains("lightpath: up", "tbf", "delay line: pid");

    testbed.cutLink();
    assertThat(ping(run, ran, siteB)).as("after the cut").isNegative();
    assertThat(testbed.status()).contains("lightpath: cut", "delay line: none");
  }

  @Test
  void theLinkFollowsTheOpticalControllerServicesAndCuts() {
    SimulatedDeployment deployment = SimulatedDeployment.referenceSetting(
        ReferenceSetting.Options.defaults(), SimulationSettings.defaults(),
        CalibratedMigrationModel.reference());
    SimulatedOpticalController optical = deployment.world().optical();
    CommandRunner run = CommandRunner.withDefaultTimeout();
    String ran = testbed.layout().ranNamespace();
    String siteB = testbed.layout().siteB().hostAddress();
    try (LightpathFollower follower = new LightpathFollower(optical, testbed,
        ReferenceSetting.SITE_A, ReferenceSetting.SITE_B)) {
      follower.start(Duration.ofMillis(200));
      assertThat(testbed.link()).as("the DCI service between the sites is in service")
          .hasValueSatisfying(shape -> assertThat(shape.rate()).as("40G: unshaped").isEmpty());
      assertThat(ping(run, ran, siteB)).isPositive();

      optical.cutFiber(ReferenceSetting.FIBER_A_B);
      assertThat(follower.sync()).as("its fibre cut, the link goes").isEmpty();
      assertThat(ping(run, ran, siteB)).isNegative();

      optical.setUpTemporary(new TemporaryLightpathRequest(LightpathId.of("temp-a-b"),
          ReferenceSetting.SITE_A, ReferenceSetting.SITE_B, TransponderClass.SWITCHPONDER_1G));
      assertThat(follower.sync()).as("a temporary service, the long way round")
          .hasValueSatisfying(shape -> assertThat(shape.rate()).contains(DataRate.ofGbps(1)));
      assertThat(ping(run, ran, siteB)).isPositive();

      optical.release(LightpathId.of("temp-a-b"));
      assertThat(follower.sync()).as("the service deleted, the link goes").isEmpty();
    } finally {
      testbed.cutLink();
    }
  }

  /** Mean RTT in ms of 20 pings, or -1 when none came back. */
  private static double ping(CommandRunner run, String ns, String address) {
    CommandRunner.Result r = run.attempt(List.of("ip", "netns", "exec", ns, "ping", "-n", "-q",
        "-c", "20", "-i", "0.01", "-W", "1", address));
    String out = r.stdout();
    int at = out.indexOf("rtt min/avg/max/mdev = ");
    if (r.exitCode() != 0 || at < 0) {
      return -1;
    }
    String[] parts = out.substring(at + 23).split("/");
    return Double.parseDouble(parts[1]);
  }
}
