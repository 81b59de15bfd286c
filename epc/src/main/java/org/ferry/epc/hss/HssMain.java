package org.ferry.epc.hss;

import java.nio.file.Path;
import java.util.Map;
import org.ferry.epc.EpcMain;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlServer;

/** {@code hss}: the HSS stand-in as a process. */
public final class HssMain {
  private HssMain() {}

  /** Runs until stopped. @return the exit code */
  public static int run(Args args) throws Exception {
    SubscriberStore store = SubscriberStore.open(Path.of(args.get("store", "hss.json")));
    if (args.has("provision")) {
      store.provision(args.get("first-imsi", "001010000000001"), args.intValue("provision", 10));
    }
    HssServer hss = new HssServer(args.address("listen", "127.0.0.1:3868"), store,
        args.get("origin-host", "hss.ferry.test"), args.get("realm", "ferry.test"));
    ControlServer control = new ControlServer(args.address("control", "127.0.0.1:0"), "hss",
        (command, argument) -> {
          switch (command) {
            case "status": return hss.status();
            case "subscriber": return hss.subscriber(argument);
            default: throw new IllegalArgumentException("unknown command '" + command
                + "'; try status, subscriber IMSI");
          }
        });
    EpcMain.ready(Map.of("s6a", Args.format(hss.address()),
        "control", Args.format(control.address())));
    EpcMain.serveUntilStopped(() -> {
      try {
        control.close();
        hss.close();
      } catch (Exception ignored) {
        // stopping
      }
    });
    return 0;
  }
}
