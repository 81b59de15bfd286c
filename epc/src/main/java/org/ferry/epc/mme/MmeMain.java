package org.ferry.epc.mme;

import java.time.Duration;
import java.util.Map;
import org.ferry.epc.EpcMain;
import org.ferry.epc.transport.S1Listener;
import org.ferry.epc.transport.TcpS1Transport;
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
    Counters counters = new Counters();
    String name = args.get("name", "mme.ferry.test");
    Duration timeout = Duration.ofMillis(args.intValue("timeout-ms", 3000));
    HssClient hss = new HssClient(args.address("hss", "127.0.0.1:3868"), name,
        args.get("realm", "ferry.test"), timeout, counters);
    hss.start();
    SgwClient sgw = new SgwClient(args.address("s11", "127.0.0.1:0"),
        args.address("sgw", "127.0.0.1:2123"), timeout, counters);
    S1Listener listener = new TcpS1Transport().listen(args.address("listen", "127.0.0.1:36412"));
    return new MmeServer(listener, hss, sgw, name, counters);
  }
}
