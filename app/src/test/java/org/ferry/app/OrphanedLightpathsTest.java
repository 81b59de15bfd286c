package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.TransponderClass;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.ferry.optical.transportpce.TransportPceOpticalController;
import org.ferry.optical.transportpce.TransportPceSettings;
import org.ferry.run.OrphanedLightpaths;
import org.ferry.seam.optical.TemporaryLightpathRequest;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;

/**
 * A run killed before its release step leaves its temporary lightpath in the controller; the next
 * Ferry to start on that controller releases it, saying so, and leaves alone the temporary
 * services that are not Ferry's. Without that, the leak takes a switchponder for good: here each
 * compute site has two, one held by someone else's service, so the planned move could not set up
 * its own temporary lightpath at all.
 */
class OrphanedLightpathsTest {

  private static final LightpathId ORPHAN = LightpathId.of("ferry-run-20260101T000000-7-k3x9q-site-a");
  private static final LightpathId NOT_FERRYS = LightpathId.of("maintenance-window-12");

  @Test
  void theNextRunReleasesWhatAKilledRunLeftAndKeepsWhatIsNotFerrys() {
    try (EmulatedTransportPce emulator = new EmulatedTransportPce(TopologyFile.defaults(),
        Timings.withSetupDelay(Duration.ZERO), "admin", "admin").start("127.0.0.1", 0)) {
      TransportPceSettings settings =
          TransportPceSettings.defaults("http://127.0.0.1:" + emulator.port());
      try (TransportPceOpticalController killedRun = new TransportPceOpticalController(settings,
          ReferenceSetting.topology(ReferenceSetting.Options.defaults().interSiteDistance()))) {
        for (LightpathId name : new LightpathId[] {ORPHAN, NOT_FERRYS}) {
          killedRun.setUpTemporary(new TemporaryLightpathRequest(name, ReferenceSetting.SITE_A,
              ReferenceSetting.SITE_B, TransponderClass.SWITCHPONDER_1G));
        }
        assertThat(OrphanedLightpaths.release(killedRun, id -> true).released())
            .as("a lightpath a live run owns is kept").isEmpty();
      }
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();

      int exit = FerryCli.run(new PrintWriter(out), new PrintWriter(err), "migrate", "--vnf",
          "MME", "--optical", settings.base().toString().replaceFirst("/rests$", ""));

      assertThat(exit).as(out + "\n" + err).isZero();
      assertThat(out.toString()).contains("Released " + ORPHAN);
      try (TransportPceOpticalController after = new TransportPceOpticalController(settings,
          ReferenceSetting.topology(ReferenceSetting.Options.defaults().interSiteDistance()))) {
        assertThat(after.lightpaths()).filteredOn(Lightpath::temporary)
            .extracting(Lightpath::id).containsExactly(NOT_FERRYS);
      }
    }
  }
}
