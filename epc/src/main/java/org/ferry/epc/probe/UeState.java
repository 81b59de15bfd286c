package org.ferry.epc.probe;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** One simulated UE: identities, its bearer, and the timing of its echoes. */
final class UeState {
  final int index;
  final String imsi;
  volatile long enbUeId;
  volatile long mmeUeId;
  volatile long uplinkTeid;
  volatile long downlinkTeid;
  volatile InetSocketAddress sgw;
  volatile Inet4Address address;
  volatile boolean attaching;
  volatile boolean isAttached;
  volatile long attachStartedNanos;
  volatile int attaches;
  volatile int reattaches;
  final AtomicLong sent = new AtomicLong();
  final AtomicLong received = new AtomicLong();
  private long attachedNanos;
  private long lastAnswerNanos;
  private long maxGapNanos;
  private long lastAttachMillis;

  UeState(int index, String imsi) {
    this.index = index;
    this.imsi = imsi;
  }

  synchronized void attached(long now) {
    attaching = false;
    isAttached = true;
    attaches++;
    attachedNanos = now;
    lastAttachMillis = (now - attachStartedNanos) / 1_000_000;
  }

  synchronized long lastAnswerOrAttachNanos() {
    return Math.max(lastAnswerNanos, attachedNanos);
  }

  synchronized void answered(long now, boolean measuring) {
    received.incrementAndGet();
    if (lastAnswerNanos != 0 && measuring) {
      maxGapNanos = Math.max(maxGapNanos, now - lastAnswerNanos);
    }
    lastAnswerNanos = now;
  }

  synchronized Map<String, Object> report(long end) {
    long gap = maxGapNanos;
    if (lastAnswerNanos != 0) {
      gap = Math.max(gap, end - lastAnswerNanos);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("imsi", imsi);
    m.put("ueAddress", address == null ? null : address.getHostAddress());
    m.put("attached", isAttached);
    m.put("attachMs", lastAttachMillis);
    m.put("sent", sent.get());
    m.put("received", received.get());
    m.put("maxGapMs", lastAnswerNanos == 0 ? -1L : gap / 1_000_000);
    m.put("reattached", reattaches > 0);
    m.put("reattaches", (long) reattaches);
    return m;
  }
}
