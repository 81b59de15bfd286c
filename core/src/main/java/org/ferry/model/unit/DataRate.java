package org.ferry.model.unit;

import java.time.Duration;

/**
 * A data rate in bits per second (decimal: 1 Gb/s = 10^9 bit/s, as line rates are quoted).
 *
 * @param bitsPerSecond the rate, more than zero
 */
public record DataRate(long bitsPerSecond) implements Comparable<DataRate> {

  public DataRate {
    if (bitsPerSecond <= 0) {
      throw new IllegalArgumentException("data rate must be above 0 bit/s, got " + bitsPerSecond);
    }
  }

  public static DataRate ofMbps(double megabitsPerSecond) {
    return new DataRate(Math.round(megabitsPerSecond * 1e6));
  }

  public static DataRate ofGbps(double gigabitsPerSecond) {
    return new DataRate(Math.round(gigabitsPerSecond * 1e9));
  }

  public double gbps() {
    return bitsPerSecond / 1e9;
  }

  /** How long {@code size} takes to cross a link at this rate, serialization only. */
  public Duration timeToSend(DataSize size) {
    double seconds = size.bits() / (double) bitsPerSecond;
    return Durations.ofSeconds(seconds);
  }

  /** How much data this rate carries in {@code duration}. */
  public DataSize carriedIn(Duration duration) {
    return DataSize.ofBytes(Math.round(bitsPerSecond / 8.0 * Durations.seconds(duration)));
  }

  public DataRate times(double factor) {
    return new DataRate(Math.round(bitsPerSecond * factor));
  }

  public DataRate min(DataRate other) {
    return compareTo(other) <= 0 ? this : other;
  }

  @Override
  public int compareTo(DataRate other) {
    return Long.compare(bitsPerSecond, other.bitsPerSecond);
  }

  @Override
  public String toString() {
    if (bitsPerSecond >= 1_000_000_000L) {
      return trim(bitsPerSecond / 1e9) + " Gb/s";
    }
    return trim(bitsPerSecond / 1e6) + " Mb/s";
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.2f", value);
  }
}
