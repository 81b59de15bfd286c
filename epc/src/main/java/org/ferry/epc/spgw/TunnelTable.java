package org.ferry.epc.spgw;

import java.net.Inet4Address;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SPGW's tunnels, found by uplink TEID (user plane), S11 TEID (control plane) and UE address
 * (downlink), with the allocators of TEIDs and UE addresses. Thread-safe; the user plane reads it
 * without locks.
 */
public final class TunnelTable {
  private final SpgwConfig.Prefix pool;
  private final Map<Long, Tunnel> byUplinkTeid = new ConcurrentHashMap<>();
  private final Map<Long, Tunnel> byS11Teid = new ConcurrentHashMap<>();
  private final Map<Inet4Address, Tunnel> byUe = new ConcurrentHashMap<>();
  private long nextTeid = 0x10000;
  private int nextHost = 1;

  /** @param pool where UE addresses come from */
  public TunnelTable(SpgwConfig.Prefix pool) {
    this.pool = pool;
  }

  /**
   * Creates a session: allocates an S11 TEID, an uplink TEID and a UE address.
   *
   * @return the new tunnel (gNB end unknown yet)
   * @throws IllegalStateException when the pool is exhausted
   */
  public synchronized Tunnel create(String imsi, int ebi, long mmeS11Teid) {
    Inet4Address ue = null;
    for (int tries = 0; tries < (1 << (32 - pool.length())) && ue == null; tries++) {
      if (nextHost >= (1 << (32 - pool.length())) - 1) {
        nextHost = 1;
      }
      Inet4Address candidate = pool.host(nextHost++);
      if (!byUe.containsKey(candidate)) {
        ue = candidate;
      }
    }
    if (ue == null) {
      throw new IllegalStateException("UE pool " + pool + " exhausted");
    }
    Tunnel t = new Tunnel(imsi, ebi, ue, nextTeid++, 0, null, nextTeid++, mmeS11Teid);
    put(t);
    return t;
  }

  /** Adds or replaces {@code t} in every index. */
  public synchronized void put(Tunnel t) {
    byUplinkTeid.put(t.uplinkTeid(), t);
    byS11Teid.put(t.sgwS11Teid(), t);
    byUe.put(t.ueAddress(), t);
  }

  /** Removes {@code t}. */
  public synchronized void remove(Tunnel t) {
    byUplinkTeid.remove(t.uplinkTeid());
    byS11Teid.remove(t.sgwS11Teid());
    byUe.remove(t.ueAddress());
  }

  /** @return the tunnel whose uplink TEID is {@code teid} */
  public Optional<Tunnel> byUplinkTeid(long teid) {
    return Optional.ofNullable(byUplinkTeid.get(teid));
  }

  /** @return the session whose SPGW S11 TEID is {@code teid} */
  public Optional<Tunnel> byS11Teid(long teid) {
    return Optional.ofNullable(byS11Teid.get(teid));
  }

  /** @return the tunnel of the UE with {@code address} */
  public Optional<Tunnel> byUe(Inet4Address address) {
    return Optional.ofNullable(byUe.get(address));
  }

  /** @return every tunnel, by uplink TEID */
  public List<Tunnel> all() {
    List<Tunnel> list = new ArrayList<>(byUplinkTeid.values());
    list.sort(Comparator.comparingLong(Tunnel::uplinkTeid));
    return list;
  }

  /** @return how many tunnels */
  public int size() {
    return byUplinkTeid.size();
  }

  /**
   * Restores saved tunnels (replacing any with the same TEIDs) and moves the allocators past
   * them, so that new sessions never reuse a restored TEID or address.
   */
  public synchronized void restore(List<Tunnel> tunnels) {
    for (Tunnel t : tunnels) {
      put(t);
      nextTeid = Math.max(nextTeid, Math.max(t.uplinkTeid(), t.sgwS11Teid()) + 1);
      if (pool.contains(t.ueAddress())) {
        nextHost = Math.max(nextHost, pool.hostNumber(t.ueAddress()) + 1);
      }
    }
  }
}
