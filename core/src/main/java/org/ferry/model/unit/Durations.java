package org.ferry.model.unit;

import java.time.Duration;

/** Conversions between {@link Duration} and fractional seconds, the unit of every report. */
public final class Durations {

  private Durations() {}

  /** A duration of {@code seconds}, rounded to the nanosecond; must be finite and 0 or more. */
  public static Duration ofSeconds(double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException("duration must be finite and 0 s or more, got " + seconds);
    }
    return Duration.ofNanos(Math.round(seconds * 1e9));
  }

  public static Duration ofMillis(double millis) {
    return ofSeconds(millis / 1e3);
  }

  public static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  /** Seconds with millisecond precision, for humans: {@code 12.345 s}. */
  public static String format(Duration duration) {
    return String.format("%.3f s", seconds(duration));
  }
}
