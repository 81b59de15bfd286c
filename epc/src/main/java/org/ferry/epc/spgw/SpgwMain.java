package org.ferry.epc.spgw;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ferry.epc.EpcMain;
import org.ferry.epc.wire.Args;
import org.ferry.epc.wire.ControlServer;

/** {@code spgw}: the SPGW stand-in as a process. */
public final class SpgwMain {
  private SpgwMain() {}

  /** Runs until stopped. @return the exit code */
  public static int run(Args args) throws Exception {
    SpgwConfig config = args.has("config")
        ? SpgwConfig.load(Path.of(args.get("config", ""))) : SpgwConfig.defaults();
    List<Tunnel> saved = new ArrayList<>();
    if (args.has("tunnel-state")) {
      saved.addAll(TunnelStateTool.read(Path.of(args.get("tunnel-state", ""))));
    }
    SpgwServer spgw = new SpgwServer(config, saved);
    ControlServer control = new ControlServer(config.control(), "spgw", spgw::control);
    EpcMain.ready(Map.of("s11", Args.format(spgw.config().s11()),
        "s1u", Args.format(spgw.config().s1u()), "control", Args.format(control.address())));
    EpcMain.serveUntilStopped(() -> {
      try {
        control.close();
      } catch (Exception ignored) {
        // stopping
      }
      spgw.close();
    });
    return 0;
  }
}
