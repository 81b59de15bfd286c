package org.ferry.epc;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.ferry.epc.hss.HssServer;
import org.ferry.epc.hss.SubscriberStore;
import org.ferry.epc.mme.MmeMain;
import org.ferry.epc.mme.MmeServer;
import org.ferry.epc.probe.InternetHost;
import org.ferry.epc.probe.Probe;
import org.ferry.epc.probe.ProbeSettings;
import org.ferry.epc.spgw.SpgwConfig;
import org.ferry.epc.spgw.SpgwServer;
import org.ferry.epc.transport.TcpS1Transport;
import org.ferry.epc.wire.Args;

/**
 * Every stand-in in this JVM on loopback with ephemeral ports:
 *
 * <pre>
 *   probe (gNB + UEs) ──S1/TCP──> MME ──S6a/TCP──> HSS (store in a temp dir)
 *        │                         └──S11/UDP──> SPGW ──SGi/UDP──> Internet host (echo)
 *        └────────────── S1-U GTP-U/UDP ─────────┘
 * </pre>
 */
final class LoopbackEpc implements Closeable {
  static final int UES = 10;

  final HssServer hss;
  final SpgwServer spgw;
  final InternetHost internet;
  final MmeServer mme;

  LoopbackEpc(Path dir) throws Exception {
    this(dir, null);
  }

  /** @param spgwAddresses an SPGW running elsewhere (S11), or null to start one here */
  LoopbackEpc(Path dir, InetSocketAddress externalSpgwS11) throws Exception {
    SubscriberStore store = SubscriberStore.open(dir.resolve("hss.json"));
    store.provision(ProbeSettings.FIRST_IMSI, UES);
    hss = new HssServer(new InetSocketAddress("127.0.0.1", 0), store, "hss.test", "test");
    spgw = externalSpgwS11 == null ? new SpgwServer(SpgwConfig.defaults(), java.util.List.of())
        : null;
    internet = new InternetHost(new InetSocketAddress("127.0.0.1", 0));
    InetSocketAddress s11 = externalSpgwS11 != null ? externalSpgwS11 : spgw.config().s11();
    mme = MmeMain.start(new Args(new String[] {
        "--listen", "127.0.0.1:0", "--hss", Args.format(hss.address()),
        "--sgw", Args.format(s11), "--timeout-ms", "3000"}));
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (!hssConnected() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  @SuppressWarnings("unchecked")
  boolean hssConnected() {
    return (Boolean) ((Map<String, Object>) mme.status().get("hss")).get("connected");
  }

  InetSocketAddress mmeS1() {
    return Args.parseAddress((String) mme.status().get("s1"));
  }

  Probe probe(int ues, Duration reattachAfter) throws IOException {
    return new Probe(new ProbeSettings(mmeS1(), new InetSocketAddress("127.0.0.1", 0),
        internet.address(), ues, ProbeSettings.FIRST_IMSI, Duration.ofMillis(10), reattachAfter,
        "enb-test"), new TcpS1Transport());
  }

  @Override
  public void close() throws IOException {
    mme.close();
    if (spgw != null) {
      spgw.close();
    }
    internet.close();
    hss.close();
  }
}
