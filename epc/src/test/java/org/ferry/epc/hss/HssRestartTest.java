package org.ferry.epc.hss;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.ferry.epc.mme.MmeMain;
import org.ferry.epc.mme.MmeServer;
import org.ferry.epc.probe.InternetHost;
import org.ferry.epc.probe.Probe;
import org.ferry.epc.probe.ProbeSettings;
import org.ferry.epc.spgw.SpgwConfig;
import org.ferry.epc.spgw.SpgwServer;
import org.ferry.epc.transport.TcpS1Transport;
import org.ferry.epc.wire.Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An HSS restarted on its address from its store file: the MME reconnects over S6a, keeps its UE
 * contexts, and the subscribers' sequence numbers carry on from where they were.
 */
@Timeout(60)
class HssRestartTest {

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void storeAndServiceSurviveAnHssRestart() throws Exception {
    Path file = dir.resolve("hss.json");
    SubscriberStore store = SubscriberStore.open(file);
    store.provision(ProbeSettings.FIRST_IMSI, 2);
    HssServer first = new HssServer(new InetSocketAddress("127.0.0.1", 0), store, "hss", "test");
    InetSocketAddress s6a = first.address();
    try (SpgwServer spgw = new SpgwServer(SpgwConfig.defaults(), List.of());
        InternetHost internet = new InternetHost(new InetSocketAddress("127.0.0.1", 0));
        MmeServer mme = MmeMain.start(new Args(new String[] {"--listen", "127.0.0.1:0",
            "--hss", Args.format(s6a), "--sgw", Args.format(spgw.config().s11())}))) {
      InetSocketAddress s1 = Args.parseAddress((String) mme.status().get("s1"));
      try (Probe probe = probe(s1, internet, 2, "enb-a")) {
        assertThat(probe.attachAll(Duration.ofSeconds(20))).isEqualTo(2);
      }
      long sqnBefore = (Long) ((Map<String, Object>) first.subscriber(ProbeSettings.FIRST_IMSI))
          .get("sqn");

      first.close();
      waitFor(() -> !connected(mme));
      try (HssServer second = rebind(s6a, file)) {
        waitFor(() -> connected(mme));
        assertThat(mme.status().get("ueContexts")).isEqualTo(2);
        assertThat(second.subscriber(ProbeSettings.FIRST_IMSI))
            .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
            .containsEntry("sqn", sqnBefore).containsEntry("servingMme", "mme.ferry.test");

        try (Probe again = probe(s1, internet, 1, "enb-b")) {
          assertThat(again.attachAll(Duration.ofSeconds(20))).isEqualTo(1);
        }
        assertThat(SubscriberStore.open(file).find(ProbeSettings.FIRST_IMSI).orElseThrow().sqn())
            .isEqualTo(sqnBefore + SubscriberStore.SQN_STEP);
      }
    }
  }

  private static Probe probe(InetSocketAddress s1, InternetHost internet, int ues, String enb)
      throws Exception {
    return new Probe(new ProbeSettings(s1, new InetSocketAddress("127.0.0.1", 0),
        internet.address(), ues, ProbeSettings.FIRST_IMSI, Duration.ofMillis(10),
        Duration.ofSeconds(5), enb), new TcpS1Transport());
  }

  @SuppressWarnings("unchecked")
  private static boolean connected(MmeServer mme) {
    return (Boolean) ((Map<String, Object>) mme.status().get("hss")).get("connected");
  }

  private interface Condition {
    boolean holds();
  }

  private static void waitFor(Condition c) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!c.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met in 10 s");
      }
      Thread.sleep(10);
    }
  }

  /**
   * A new HSS on the old one's port. The MME keeps reconnecting to that port meanwhile, and on
   * loopback a connect to a free port in the ephemeral range can occasionally pick that very
   * port as its source and connect to itself (TCP simultaneous open) until the MME gives the
   * connection up: retry the bind for a few seconds.
   */
  private static HssServer rebind(java.net.InetSocketAddress s6a, java.nio.file.Path file)
      throws Exception {
    long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
    while (true) {
      try {
        return new HssServer(s6a, SubscriberStore.open(file), "hss", "test");
      } catch (java.net.BindException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
