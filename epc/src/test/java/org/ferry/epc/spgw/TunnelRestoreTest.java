package org.ferry.epc.spgw;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlClient;
import org.ferry.epc.wire.ControlServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tunnel-state utility against running SPGWs in this JVM. */
class TunnelRestoreTest {

  @TempDir Path dir;

  @Test
  void saveThenRestoreIntoAFreshSpgwKeepsEveryTunnelAndTheAllocators() throws Exception {
    SpgwConfig config = SpgwConfig.defaults();
    Path file = dir.resolve("tunnels.json");
    List<Tunnel> before;
    try (SpgwServer a = new SpgwServer(config, List.of());
        ControlServer ca = new ControlServer(new InetSocketAddress("127.0.0.1", 0), "a", a::control)) {
      // three sessions as the control plane would create them
      for (int i = 0; i < 3; i++) {
        a.restore(java.util.Map.of("tunnels", List.of(
            new Tunnel("00101000000000" + i, 5, config.uePool().host(i + 1), 0x10000 + 2L * i,
                0x100 + i, new InetSocketAddress("127.0.0.1", 40000), 0x10001 + 2L * i, 0x1000 + i)
                .toJson())));
      }
      assertThat(TunnelStateTool.run(new String[] {"save", "--control",
          Args.format(ca.address()), "--file", file.toString()})).isZero();
      before = TunnelStateTool.read(file);
    }
    assertThat(before).hasSize(3);

    try (SpgwServer b = new SpgwServer(config, List.of());
        ControlServer cb = new ControlServer(new InetSocketAddress("127.0.0.1", 0), "b", b::control)) {
      assertThat(TunnelStateTool.run(new String[] {"restore", "--control",
          Args.format(cb.address()), "--file", file.toString()})).isZero();
      assertThat(ControlClient.call(cb.address(), "status", Duration.ofSeconds(2)))
          .containsEntry("tunnels", 3L).containsEntry("complete", 3L);
      assertThat(TunnelStateTool.read(writeAndRead(b))).containsExactlyInAnyOrderElementsOf(before);
    }
  }

  private Path writeAndRead(SpgwServer s) throws Exception {
    Path f = dir.resolve("again.json");
    TunnelStateTool.write(f, s.tunnelState());
    return f;
  }

  @Test
  void newSessionsNeverReuseRestoredTeidsOrAddresses() {
    SpgwConfig config = SpgwConfig.defaults();
    TunnelTable table = new TunnelTable(config.uePool());
    Tunnel restored = new Tunnel("001010000000001", 5, config.uePool().host(7), 0x20000, 1, null,
        0x20001, 9);
    table.restore(List.of(restored));

    Tunnel fresh = table.create("001010000000002", 5, 10);

    assertThat(fresh.uplinkTeid()).isGreaterThan(0x20001);
    assertThat(fresh.ueAddress()).isNotEqualTo(restored.ueAddress());
  }

  @Test
  void configurationIsReadFromAPropertiesFile() throws Exception {
    Properties p = new Properties();
    p.setProperty("mtu", "1400");
    p.setProperty("ue-pool", "10.45.0.0/16");
    p.setProperty("routes", "10.45.0.0/16, 10.46.0.0/16");
    Path f = dir.resolve("spgw.properties");
    try (var w = Files.newBufferedWriter(f)) {
      p.store(w, null);
    }
    SpgwConfig c = SpgwConfig.load(f);
    assertThat(c.mtu()).isEqualTo(1400);
    assertThat(c.routes()).hasSize(2);
    assertThat(c.uePool().host(1).getHostAddress()).isEqualTo("10.45.0.1");
  }
}
