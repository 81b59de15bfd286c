package org.ferry.epc.hss;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ferry.epc.nas.Aka;
import org.ferry.epc.wire.Json;

/**
 * The HSS's subscriber database, durable: every change is written to a file atomically (a
 * temporary file in the same directory, fsync, rename over the old one), so a crash or a move
 * leaves either the old or the new store, never a torn one. Loaded at start. Thread-safe.
 */
public final class SubscriberStore {
  /** Sequence numbers advance by this much per vector (SEQ step of TS 33.102 Annex C). */
  public static final long SQN_STEP = 32;

  private final Path file;
  private final Map<String, Subscriber> subscribers = new LinkedHashMap<>();

  private SubscriberStore(Path file) {
    this.file = file;
  }

  /**
   * @param file the store file; created at the first change if it does not exist
   * @return the store with the file's subscribers
   * @throws IOException if the file exists but cannot be read or parsed
   */
  @SuppressWarnings("unchecked")
  public static SubscriberStore open(Path file) throws IOException {
    SubscriberStore store = new SubscriberStore(file);
    if (Files.exists(file)) {
      try {
        Map<String, Object> doc = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        for (Object o : (List<Object>) doc.getOrDefault("subscribers", List.of())) {
          Subscriber s = Subscriber.fromJson((Map<String, Object>) o);
          store.subscribers.put(s.imsi(), s);
        }
      } catch (IllegalArgumentException | ClassCastException e) {
        throw new IOException("HSS store " + file + " does not parse: " + e.getMessage(), e);
      }
    }
    return store;
  }

  /**
   * Adds test subscribers {@code firstImsi}, +1... with keys from {@link Aka#testKey}, leaving
   * those already present alone.
   *
   * @param firstImsi 15 digits
   * @param count how many
   * @throws IOException if the store cannot be written
   */
  public synchronized void provision(String firstImsi, int count) throws IOException {
    long base = Long.parseLong(firstImsi);
    for (int i = 0; i < count; i++) {
      String imsi = String.format("%015d", base + i);
      subscribers.computeIfAbsent(imsi, k -> new Subscriber(k, Aka.testKey(k), 0,
          "3363" + k.substring(k.length() - 7), "internet", 50_000_000L, 100_000_000L, ""));
    }
    persist();
  }

  /** @return the subscriber with {@code imsi}, if any */
  public synchronized Optional<Subscriber> find(String imsi) {
    return Optional.ofNullable(subscribers.get(imsi));
  }

  /** @return how many subscribers */
  public synchronized int size() {
    return subscribers.size();
  }

  /**
   * Advances the subscriber's sequence number, durably, before a vector with it leaves the HSS.
   *
   * @return the subscriber with the new sequence number, empty if unknown
   * @throws IOException if the store cannot be written (the number is then not advanced)
   */
  public synchronized Optional<Subscriber> nextSqn(String imsi) throws IOException {
    Subscriber s = subscribers.get(imsi);
    if (s == null) {
      return Optional.empty();
    }
    Subscriber next = s.withSqn(s.sqn() + SQN_STEP);
    subscribers.put(imsi, next);
    try {
      persist();
    } catch (IOException e) {
      subscribers.put(imsi, s);
      throw e;
    }
    return Optional.of(next);
  }

  /**
   * Records the MME now serving the subscriber, durably.
   *
   * @return the updated subscriber, empty if unknown
   * @throws IOException if the store cannot be written
   */
  public synchronized Optional<Subscriber> updateLocation(String imsi, String mme)
      throws IOException {
    Subscriber s = subscribers.get(imsi);
    if (s == null) {
      return Optional.empty();
    }
    Subscriber next = s.withServingMme(mme);
    subscribers.put(imsi, next);
    persist();
    return Optional.of(next);
  }

  private void persist() throws IOException {
    List<Object> list = new ArrayList<>();
    subscribers.values().forEach(s -> list.add(s.toJson()));
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("subscribers", list);
    byte[] bytes = Json.write(doc).getBytes(StandardCharsets.UTF_8);
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = dir.resolve(file.getFileName() + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE,
        StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
      ByteBuffer b = ByteBuffer.wrap(bytes);
      while (b.hasRemaining()) {
        ch.write(b);
      }
      ch.force(true);
    }
    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** @return the store file */
  public Path file() {
    return file;
  }
}
