package org.ferry.epc.mme;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The MME's UE contexts, found by MME-UE-S1AP-ID (S1) and IMSI (a new attach), with the
 * allocators of MME-UE-S1AP-IDs and S11 TEIDs. Thread-safe.
 */
final class UeContexts {
  private final Map<Long, UeContext> byMmeUeId = new ConcurrentHashMap<>();
  private final Map<String, UeContext> byImsi = new ConcurrentHashMap<>();
  private final AtomicLong nextMmeUeId = new AtomicLong(1);
  private final AtomicLong nextS11Teid = new AtomicLong(0x1000);

  /** @return a new context for {@code imsi} on {@code enbId}, registered under both keys */
  synchronized UeContext create(String imsi, String enbId, long enbUeId) {
    UeContext ue = new UeContext(imsi, nextMmeUeId.getAndIncrement(), enbId, enbUeId);
    byMmeUeId.put(ue.mmeUeId, ue);
    byImsi.put(imsi, ue);
    return ue;
  }

  /** Drops {@code ue} (and leaves a newer context of the same IMSI alone). */
  synchronized void remove(UeContext ue) {
    byMmeUeId.remove(ue.mmeUeId);
    byImsi.remove(ue.imsi, ue);
  }

  /** @return the context with this MME-UE-S1AP-ID, or null */
  UeContext byMmeUeId(long id) {
    return byMmeUeId.get(id);
  }

  /** @return the context of this IMSI, or null */
  UeContext byImsi(String imsi) {
    return byImsi.get(imsi);
  }

  /** @return a fresh S11 TEID for the MME's end of a session */
  long nextS11Teid() {
    return nextS11Teid.getAndIncrement();
  }

  /** @return every context */
  List<UeContext> all() {
    return new ArrayList<>(byMmeUeId.values());
  }
}
