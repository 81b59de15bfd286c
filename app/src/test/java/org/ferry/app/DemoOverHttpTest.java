package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.ferry.optical.emulator.EmulatedTransportPce;
import org.ferry.optical.emulator.Timings;
import org.ferry.optical.emulator.TopologyFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole fault-recovery flow with the optical layer over HTTP: the emulator on an ephemeral
 * port, the demo cutting the fibre through its admin API and following TransportPCE's
 * restoration through the client.
 */
class DemoOverHttpTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private EmulatedTransportPce emulator;
  private String url;

  @BeforeEach
  void start() {
    emulator = new EmulatedTransportPce(TopologyFile.defaults(),
        Timings.withSetupDelay(Duration.ofMillis(500)), "admin", "admin").start(0);
    url = "http://127.0.0.1:" + emulator.port();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void theFaultRecoveryFlowRunsAgainstTheEmulatorOverHttp(@TempDir Path dir) throws IOException {
    long started = System.nanoTime();

    int exit = ferry("demo", "--optical", url, "--out", dir.toString());

    assertThat(exit).as(err.toString()).isZero();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    assertThat(out.toString()).contains("failure-detected", "optical-restoration",
        "roadm-ran > roadm-b > roadm-a", "temp-lightpath-setup", "migration",
        "temp-lightpath-release", "RELOCATED");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.at("/context/optical").asText()).isEqualTo(url + "/rests");
    assertThat(report.at("/runs/0/outcome").asText()).isEqualTo("relocated");
    assertThat(emulator.admin().usedSlots()).as("the temporary lightpath is released")
        .containsEntry("fiber-a-b", 16);

    out.getBuffer().setLength(0);
    assertThat(ferry("demo", "--optical", url)).isEqualTo(1);
    assertThat(err.toString()).contains("fiber-ran-a is cut already");
  }

  @Test
  void theControllersRestoredRouteDecidesNotFerrysInventory() {
    // the emulator's site-a/site-b fibre is 50 km; Ferry's inventory says 10 km: restored the
    // long way round on the controller's network the backhaul is 75 km, 395 µs, over the 250 µs
    // SLA, where the inventory's 35 km would have kept it
    int exit = ferry("demo", "--optical", url, "--distance-km", "10");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains(
        "fiber fiber-a-b: the inventory says 10 km, the controller says 50 km; using the"
            + " controller's",
        "Cutting fiber-ran-a through the emulator's admin API",
        "roadm-ran > roadm-b > roadm-a (75 km)", "395.0 µs", "temp-lightpath-setup",
        "RELOCATED");
    assertThat(out.toString()).doesNotContain("35 km", "every SLA holds");
  }

  @Test
  void aPlannedMoveRunsWithTheOpticalLayerOverHttp() {
    int exit = ferry("migrate", "--optical", url, "--vnf", "MME");

    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("optical layer on TransportPCE at " + url + "/rests",
        "temp-lightpath-setup", "migration", "temp-lightpath-release", "RELOCATED");
    assertThat(emulator.admin().usedSlots()).as("the temporary lightpath is released: dci-a-b"
        + " alone is left on fiber-a-b").containsEntry("fiber-a-b", 8);
  }

  @Test
  void onARealControllerFerryInjectsNothingAndWaitsForItsFailureNotification() throws Exception {
    try (NotTheEmulator controller = new NotTheEmulator(url)) {
      Thread cutLater = Thread.ofPlatform().start(() -> {
        awaitOutput("waits up to 60 s");
        emulator.admin().cut("fiber-ran-a"); // the network fails, behind Ferry's back
      });

      int exit = ferry("demo", "--optical", controller.url(), "--fault-timeout", "60");
      cutLater.join();

      assertThat(exit).as(err.toString()).isZero();
      assertThat(out.toString()).contains("TransportPCE at " + controller.url()
          + "/rests is not Ferry's emulator, so Ferry injects no fault", "failure-detected",
          "optical-restoration", "RELOCATED");
      assertThat(out.toString()).doesNotContain("Cutting");
    }
  }

  @Test
  void onARealControllerThatReportsNoFailureTheWaitEndsClearly() throws Exception {
    try (NotTheEmulator controller = new NotTheEmulator(url)) {
      assertThat(ferry("demo", "--optical", controller.url(), "--fault-timeout", "1"))
          .isEqualTo(1);
      assertThat(err.toString()).contains("no failure notification from TransportPCE at "
          + controller.url() + "/rests within 1 s (--fault-timeout)");
      assertThat(emulator.admin().usedSlots()).as("nothing was cut or set up")
          .containsEntry("fiber-ran-a", 8);
    }
  }

  private void awaitOutput(String text) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!out.toString().contains(text) && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  @Test
  void noControllerThereIsAClearError() {
    int port = emulator.port();
    emulator.close();

    assertThat(ferry("demo", "--optical", "http://127.0.0.1:" + port)).isEqualTo(1);
    assertThat(err.toString()).contains("TransportPCE at http://127.0.0.1:" + port + "/rests");
  }

  @Test
  void theEmulatorCommandRefusesBadOptionsClearly() {
    assertThat(ferry("optical-emulator", "--port", "70000")).isEqualTo(2);
    assertThat(err.toString()).contains("--port must be 0 to 65535");
    assertThat(ferry("optical-emulator", "--setup-delay", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--setup-delay must be 0 or more");
    assertThat(ferry("optical-emulator", "--topology", "/nonexistent/net.json")).isEqualTo(2);
    assertThat(err.toString()).contains("topology file /nonexistent/net.json does not exist")
        .contains("leave out --topology to use the default");
  }

  @Test
  void aUrlThatIsNotHttpIsBadInput() {
    assertThat(ferry("demo", "--optical", "ftp://127.0.0.1:1")).isEqualTo(2);
    assertThat(err.toString()).contains("--optical");
  }
}
