package org.ferry.epc.probe;

import java.util.Map;
import org.ferry.epc.EpcMain;
import org.ferry.epc.wire.Args;

/** {@code internet-host}: the UDP echo server as a process. */
public final class InternetHostMain {
  private InternetHostMain() {}

  /** Runs until stopped. @return the exit code */
  public static int run(Args args) throws Exception {
    InternetHost host = new InternetHost(args.address("listen", "127.0.0.1:7777"));
    EpcMain.ready(Map.of("udp", Args.format(host.address())));
    EpcMain.serveUntilStopped(host::close);
    return 0;
  }
}
