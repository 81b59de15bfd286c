package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ferry demo --mode testbed}: refused without root, and end to end with the stand-ins as
 * CRIU containers and as QEMU guests.
 */
class TestbedDemoTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void withoutRootItSaysSoAndPointsToTheSimulatedMode() {
    String user = System.getProperty("user.name");
    System.setProperty("user.name", "nobody");
    try {
      assertThat(ferry("demo", "--mode", "testbed", "--virtualization", "container"))
          .isEqualTo(1);
    } finally {
      System.setProperty("user.name", user);
    }
    assertThat(err.toString()).contains("needs root").contains("--mode simulated");
  }

  @Test
  void otherCommandsRefuseTheTestbedMode() {
    assertThat(ferry("migrate", "--mode", "testbed", "--vnf", "spgw"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--mode testbed is only for ferry demo");
  }

  @ParameterizedTest(name = "--virtualization {0}")
  @ValueSource(strings = {"container", "vm"})
  @Timeout(value = 300, unit = TimeUnit.SECONDS)
  void theWholeFlowRunsOnRealParts(String virtualization, @TempDir Path dir) throws Exception {
    boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
    Assumptions.assumeTrue(linux && "root".equals(System.getProperty("user.name")),
        "skipped: the testbed demo needs root on Linux");
    String prefix = "fe-d" + ProcessHandle.current().pid();
    long started = System.nanoTime();

    int exit = ferry("demo", "--mode", "testbed", "--virtualization", virtualization,
        "--testbed-prefix", prefix, "--out", dir.toString());

    System.out.println(out);
    assertThat(exit).as(err.toString()).isZero();
    System.out.println("testbed demo took " + Duration.ofNanos(System.nanoTime() - started));
    assertThat(out.toString()).contains("failure-detected", "optical-restoration",
        "temp-lightpath-setup", "backhaul-repoint", "migration", "verify",
        "temp-lightpath-release", "RELOCATED", "the same connection as before");
    JsonNode report = new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    assertThat(report.at("/context/mode").asText()).isEqualTo("testbed");
    assertThat(report.at("/context/hss_same_diameter_connection").asText()).isEqualTo("true");
    assertThat(report.at("/context/mme_s1_associations").asText()).isEqualTo("1");
    assertThat(report.at("/context/mme_ue_contexts").asText()).isEqualTo("10");
    assertThat(report.at("/context/spgw_tunnels").asText()).isEqualTo("10");
    assertThat(report.at("/context/ue_reattaches").asText()).isEqualTo("0");
    assertThat(report.at("/context/functions_and_ues_nice").asText()).isEqualTo("-5");
    if (virtualization.equals("vm")) {
      assertThat(report.at("/context/qemu").asText()).as("the QEMU the figures came from")
          .matches("(9|[1-9][0-9])\\.[0-9]+\\.[0-9]+");
    }
    assertThat(out.toString()).as("the RAN's port followed the SPGW")
        .contains("RAN port now at site-b");
    assertThat(Files.readString(dir.resolve("summary.csv")))
        .contains("SPGW," + virtualization + ",");
    assertThat(report.toString()).contains("measured").doesNotContain("simulated\"");
    assertThat(Files.readString(dir.resolve("summary.csv"))).contains("measured");
    assertThat(namespaces()).doesNotContain(prefix);
  }

  private static String namespaces() throws IOException, InterruptedException {
    Process p = new ProcessBuilder("ip", "netns", "list").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes());
    p.waitFor();
    return text;
  }
}
