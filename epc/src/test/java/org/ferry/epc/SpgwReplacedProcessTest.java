package org.ferry.epc;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ferry.epc.probe.Probe;
import org.ferry.epc.spgw.TunnelStateTool;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The move the tunnel-state utility exists for: the SPGW process is stopped and a new one, started
 * from the saved tunnel list on the same addresses, takes over; every UE keeps its bearer and
 * none attaches again.
 */
@Timeout(90)
class SpgwReplacedProcessTest {

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void uesKeepTheirTunnelsWhenTheSpgwIsReplacedFromSavedState() throws Exception {
    Path config = dir.resolve("spgw.properties");
    int control = freeTcpPort();
    Files.writeString(config, String.join("\n",
        "s11=127.0.0.1:" + freeUdpPort(), "s1u=127.0.0.1:" + freeUdpPort(), "mtu=1500",
        "ue-pool=45.45.0.0/24", "sgi=127.0.0.1", "control=127.0.0.1:" + control, ""));
    InetSocketAddress controlAddress = new InetSocketAddress("127.0.0.1", control);
    Path saved = dir.resolve("tunnels.json");

    StandInProcess first = new StandInProcess(dir.resolve("spgw-1.log"), "spgw", "--config",
        config.toString());
    try (LoopbackEpc epc = new LoopbackEpc(dir,
            Args.parseAddress((String) first.ready().get("s11")));
        Probe probe = epc.probe(LoopbackEpc.UES, Duration.ofSeconds(30))) {
      assertThat(probe.attachAll(Duration.ofSeconds(20))).isEqualTo(LoopbackEpc.UES);
      probe.startTraffic();
      EpcLoopbackTest.waitFor(() -> epc.internet.echoed() > 100);

      assertThat(TunnelStateTool.run(new String[] {"save", "--control",
          Args.format(controlAddress), "--file", saved.toString()})).isZero();
      first.close();
      long echoedWhileAway = epc.internet.echoed();
      try (StandInProcess second = new StandInProcess(dir.resolve("spgw-2.log"), "spgw",
          "--config", config.toString(), "--tunnel-state", saved.toString())) {
        EpcLoopbackTest.waitFor(() -> epc.internet.echoed() > echoedWhileAway + 200);
        Map<String, Object> report = probe.stopAndReport();

        Map<String, Object> summary = (Map<String, Object>) report.get("summary");
        assertThat(summary.get("reattaches")).as("%s", report).isEqualTo(0L);
        assertThat((Long) summary.get("maxGapMs")).isLessThan(30_000L);
        for (Object o : (List<Object>) report.get("ues")) {
          assertThat(((Map<String, Object>) o).get("reattached")).isEqualTo(false);
        }
        Map<String, Object> status = ControlClient.call(controlAddress, "status",
            Duration.ofSeconds(3));
        assertThat(status).containsEntry("tunnels", (long) LoopbackEpc.UES)
            .containsEntry("complete", (long) LoopbackEpc.UES);
        assertThat(epc.mme.status().get("registered")).isEqualTo((long) LoopbackEpc.UES);
        System.out.println("SPGW replaced: longest UE gap " + summary.get("maxGapMs") + " ms");
      }
    } finally {
      first.close();
    }
  }

  static int freeUdpPort() throws Exception {
    try (DatagramSocket s = new DatagramSocket(
        new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
      return s.getLocalPort();
    }
  }

  static int freeTcpPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }
}
