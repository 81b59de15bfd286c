package org.ferry.epc.wire;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Named event counters (messages handled, malformed input dropped...). Thread-safe. */
public final class Counters {
  private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

  /** Adds one to {@code name}. */
  public void increment(String name) {
    values.computeIfAbsent(name, k -> new AtomicLong()).incrementAndGet();
  }

  /** @return the count for {@code name}, 0 if never incremented */
  public long get(String name) {
    AtomicLong v = values.get(name);
    return v == null ? 0 : v.get();
  }

  /** @return a sorted copy of every counter */
  public Map<String, Object> snapshot() {
    Map<String, Object> out = new TreeMap<>();
    values.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }
}
