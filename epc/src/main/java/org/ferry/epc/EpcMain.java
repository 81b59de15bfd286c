package org.ferry.epc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.ferry.epc.hss.HssMain;
import org.ferry.epc.mme.MmeMain;
import org.ferry.epc.probe.InternetHostMain;
import org.ferry.epc.probe.ProbeMain;
import org.ferry.epc.spgw.SpgwMain;
import org.ferry.epc.spgw.TunnelStateTool;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.Json;

/**
 * {@code java -jar ferry-epc.jar FUNCTION [--option value]...}. Exit codes: 0 done (or stopped by
 * a signal), 1 the run failed (the message says why), 2 bad usage.
 */
public final class EpcMain {
  private static final String USAGE = String.join("\n",
      "usage: java -jar ferry-epc.jar FUNCTION [--option value]...",
      "  hss           --listen 127.0.0.1:3868 --control 127.0.0.1:0 --store hss.json",
      "                [--provision 10] [--first-imsi 001010000000001]",
      "  mme           --listen 127.0.0.1:36412 --hss 127.0.0.1:3868 --sgw 127.0.0.1:2123",
      "                [--s11 127.0.0.1:0] --control 127.0.0.1:0 [--s1-transport tcp|sctp|auto]",
      "  spgw          --config spgw.properties [--tunnel-state saved.json]",
      "  internet-host --listen 127.0.0.1:7777",
      "  probe         --mme 127.0.0.1:36412 --internet-host 127.0.0.1:7777 [--ues 10]",
      "                [--duration-s 10] [--gtpu 127.0.0.1:0] [--report probe.json] [--reattach-after-ms 30000]",
      "                [--s1-transport tcp|sctp|auto] [--stop-file PATH] [--report-every-ms N]",
      "  tunnel-state  save|restore|show --control 127.0.0.1:PORT [--file tunnels.json]");

  private EpcMain() {}

  /** Runs a function; exits with its code. */
  public static void main(String[] argv) {
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
    System.setProperty("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
    System.setProperty("org.slf4j.simpleLogger.showShortLogName", "true");
    System.exit(run(argv));
  }

  /** @return the exit code of running {@code argv} */
  public static int run(String[] argv) {
    if (argv.length == 0 || argv[0].equals("--help")) {
      System.err.println(USAGE);
      return argv.length == 0 ? 2 : 0;
    }
    String function = argv[0];
    String[] rest = Arrays.copyOfRange(argv, 1, argv.length);
    try {
      if (function.equals("tunnel-state")) {
        return TunnelStateTool.run(rest);
      }
      Args args = new Args(rest);
      switch (function) {
        case "hss": return HssMain.run(args);
        case "mme": return MmeMain.run(args);
        case "spgw": return SpgwMain.run(args);
        case "internet-host": return InternetHostMain.run(args);
        case "probe": return ProbeMain.run(args);
        default:
          System.err.println("unknown function '" + function + "'\n" + USAGE);
          return 2;
      }
    } catch (IllegalArgumentException e) {
      System.err.println(function + ": " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println(function + ": " + e);
      return 1;
    }
  }

  /** Prints {@code READY {json}} on stdout: the function serves at these addresses. */
  public static void ready(Map<String, Object> addresses) {
    Map<String, Object> m = new LinkedHashMap<>(addresses);
    System.out.println("READY " + Json.write(m));
    System.out.flush();
  }

  /** Blocks until the JVM is asked to stop (SIGTERM, SIGINT), then runs {@code onStop}. */
  public static void serveUntilStopped(Runnable onStop) throws InterruptedException {
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      onStop.run();
      stopped.countDown();
    }));
    stopped.await();
  }
}
