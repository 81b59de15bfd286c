package org.ferry.epc.mme;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import org.ferry.epc.EpcMain;
import org.ferry.epc.transport.S1Listener;
import org.ferry.epc.transport.S1Transport;
import org.ferry.epc.transport.S1Transports;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlServer;
import org.ferry.epc.wire.Counters;

/** {@code mme}: the MME stand-in as a process. */
public final class MmeMain {
  private MmeMain() {}

  /** Runs until stopped. @return the exit code */
  public static int run(Args args) throws Exception {
    MmeServer mme = start(args);
    ControlServer control = new ControlServer(args.address("control", "127.0.0.1:0"), "mme",
        (command, argument) -> {
          if (!command.equals("status")) {
            throw new IllegalArgumentException("unknown command '" + command + "'; try status");
          }
          return mme.status();
        });
    EpcMain.ready(Map.of("s1", mme.status().get("s1"),
        "control", Args.format(control.address())));
    EpcMain.serveUntilStopped(() -> {
      try {
        control.close();
        mme.close();
      } catch (Exception ignored) {
        // stopping
      }
    });
    return 0;
  }

  /** @return an MME serving per {@code args} (also used by tests in one JVM) */
  public static MmeServer start(Args args) throws Exception {
    S1Transport transport = S1Transports.forName(args.get("s1-transport", "tcp"));
    String name = args.get("name", "mme.ferry.test");
    Duration timeout = Duration.ofMillis(args.intValue("timeout-ms", 3000));
    InetSocketAddress hssAddress = args.address("hss", "127.0.0.1:3868");
    InetSocketAddress s11 = args.address("s11", "127.0.0.1:0");
    InetSocketAddress sgwAddress = args.address("sgw", "127.0.0.1:2123");
    Counters counters = new Counters();
    S1Listener listener = transport.listen(args.address("listen", "127.0.0.1:36412"));
    SgwClient sgw;
    try {
      sgw = new SgwClient(s11, sgwAddress, timeout, counters);
    } catch (IOException e) {
      listener.close();
      throw e;
    }
    HssClient hss = new HssClient(hssAddress, name, args.get("realm", "ferry.test"), timeout,
        counters);
    hss.start();
    return new MmeServer(listener, hss, sgw, name, counters);
  }
}
