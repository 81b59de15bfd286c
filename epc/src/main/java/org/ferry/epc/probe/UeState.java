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
  /** Gaps of at least {@link #GAP_LOGGED_MS}: when each ended (epoch ms) and how long it was. */
  private final java.util.List<long[]> gaps = new java.util.ArrayList<>();

  /** Gaps this long or longer are listed one by one in the report (to tell moves apart). */
  static final long GAP_LOGGED_MS = 50;

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
      long gapMs = (now - lastAnswerNanos) / 1_000_000;
      if (gapMs >= GAP_LOGGED_MS && gaps.size() < 1000) {
        gaps.add(new long[] {System.currentTimeMillis(), gapMs});
      }
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
    java.util.List<Object> g = new java.util.ArrayList<>();
    for (long[] each : gaps) {
      g.add(java.util.List.of(each[0], each[1]));
    }
    m.put("gaps", g);
    return m;
  }
}
