package org.ferry.optical.emulator;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's notification log: what TransportPCE publishes on its Kafka topics (process
 * messages such as "Service implemented !", alarms such as "The service is now outOfService"),
 * plus topology events for fibre cuts and repairs. Each has a sequence number from 1; readers
 * long-poll for those after the last they saw. Thread-safe. The oldest are dropped past
 * {@link #CAPACITY}.
 */
final class Notifications {

  static final int CAPACITY = 10_000;

  /** One notification: its number, topic and body (TransportPCE's NBI notification fields). */
  record Entry(long seq, String topic, ObjectNode body) {}

  private final List<Entry> log = new ArrayList<>();
  private final Map<String, Long> consumerOffsets = new HashMap<>();
  private long next = 1;
  private boolean closed;

  /** Publishes a body on a topic ("process", "alarm" or "topology"). */
  synchronized void publish(String topic, ObjectNode body) {
    body.put("published-at", Instant.now().toString());
    log.add(new Entry(next++, topic, body));
    if (log.size() > CAPACITY) {
      log.remove(0);
    }
    notifyAll();
  }

  static ObjectNode body(String message, String serviceName) {
    ObjectNode body = JsonNodeFactory.instance.objectNode();
    body.put("message", message);
    if (serviceName != null) {
      body.put("service-name", serviceName);
    }
    return body;
  }

  /**
   * The entries after {@code after}, waiting up to {@code wait} for one if there are none.
   */
  synchronized List<Entry> after(long after, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      List<Entry> found = log.stream().filter(e -> e.seq() > after).toList();
      long left = deadline - System.nanoTime();
      if (!found.isEmpty() || left <= 0 || closed) {
        return found;
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  /** Wakes every waiting reader; later reads no longer wait. */
  synchronized void close() {
    closed = true;
    notifyAll();
  }

  /** The sequence number of the newest entry, 0 if none. */
  synchronized long last() {
    return next - 1;
  }

  /**
   * Kafka-style consumption: the entries of a topic this consumer group has not read yet; the
   * group's offset moves past them.
   */
  synchronized List<Entry> consume(String group, String topic) {
    long offset = consumerOffsets.getOrDefault(group + "/" + topic, 0L);
    List<Entry> found =
        log.stream().filter(e -> e.seq() > offset && e.topic().equals(topic)).toList();
    consumerOffsets.put(group + "/" + topic, next - 1);
    return found;
  }
}
