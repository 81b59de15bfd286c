package org.ferry.epc.spgw;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferry.epc.wire.Counters;
import org.ferry.epc.wire.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SPGW: S11 control plane, user plane and tunnel table. Tunnels saved earlier can be given at
 * start, so they are in place before the first packet arrives (the order the reference system's
 * utility keeps: restore the tunnel list, then serve).
 */
public final class SpgwServer implements Closeable {
  private static final Logger LOG = LoggerFactory.getLogger(SpgwServer.class);

  private final SpgwConfig config;
  private final TunnelTable tunnels;
  private final Counters counters = new Counters();
  private final UserPlane userPlane;
  private final SpgwControlPlane controlPlane;

  /**
   * Creates the user-plane endpoint and the S11 endpoint from {@code config}, after restoring
   * {@code saved} tunnels.
   *
   * @param config addresses, MTU, routes, translation rule
   * @param saved tunnels to restore before serving (empty for a fresh SPGW)
   * @throws IOException if an address cannot be bound
   */
  public SpgwServer(SpgwConfig config, List<Tunnel> saved) throws IOException {
    this.tunnels = new TunnelTable(config.uePool());
    tunnels.restore(saved);
    this.userPlane = new UserPlane(config, tunnels, counters);
    this.controlPlane = new SpgwControlPlane(config.s11(), tunnels, userPlane.address(), counters);
    this.config = config.withAddresses(controlPlane.address(), userPlane.address());
    LOG.info("SPGW up: S11 {}, S1-U {}, MTU {}, routes {}, {} tunnels restored",
        controlPlane.address(), userPlane.address(), config.mtu(), config.routes(), saved.size());
  }

  /** @return the configuration with the bound addresses */
  public SpgwConfig config() {
    return config;
  }

  /** @return the counters */
  public Counters counters() {
    return counters;
  }

  /** @return the tunnel list in the tunnel-state file's form */
  public Map<String, Object> tunnelState() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("function", "spgw");
    m.put("s1u", config.toJson().get("s1u"));
    List<Object> list = new ArrayList<>();
    tunnels.all().forEach(t -> list.add(t.toJson()));
    m.put("tunnels", list);
    return m;
  }

  /**
   * Restores tunnels into this running SPGW.
   *
   * @param state a tunnel-state document ({@link #tunnelState()})
   * @return how many tunnels were restored
   * @throws IllegalArgumentException if the document is not a tunnel-state
   */
  @SuppressWarnings("unchecked")
  public int restore(Map<String, Object> state) {
    Object list = state.get("tunnels");
    if (!(list instanceof List)) {
      throw new IllegalArgumentException("not a tunnel-state document: no 'tunnels' list");
    }
    List<Tunnel> restored = new ArrayList<>();
    for (Object o : (List<Object>) list) {
      restored.add(Tunnel.fromJson((Map<String, Object>) o));
    }
    tunnels.restore(restored);
    LOG.info("{} tunnels restored", restored.size());
    return restored.size();
  }

  /** @return the state a move must keep and the counters */
  public Map<String, Object> status() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("function", "spgw");
    m.put("config", config.toJson());
    m.put("tunnels", tunnels.size());
    m.put("complete", tunnels.all().stream().filter(Tunnel::complete).count());
    m.put("natBindings", userPlane.natBindings());
    m.put("counters", counters.snapshot());
    return m;
  }

  /** Answers the control socket: {@code status}, {@code tunnels}, {@code restore JSON}. */
  public Object control(String command, String argument) {
    switch (command) {
      case "status":
        return status();
      case "tunnels":
        return tunnelState();
      case "restore": {
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("restored", restore(Json.parseObject(argument)));
        return reply;
      }
      default:
        throw new IllegalArgumentException("unknown command '" + command
            + "'; try status, tunnels, restore JSON");
    }
  }

  @Override
  public void close() {
    userPlane.close();
    controlPlane.close();
  }
}
