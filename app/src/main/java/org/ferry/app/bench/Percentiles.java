package org.ferry.app.bench;

import java.util.Collection;

/**
 * The order statistics a bench prints: p50, p95, p99 and the extremes of a sample, by the
 * nearest-rank method (the smallest value with at least p % of the sample at or below it).
 *
 * @param count how many values
 */
record Percentiles(int count, double min, double p50, double p95, double p99, double max) {

  /** @throws IllegalArgumentException if the sample is empty */
  static Percentiles of(Collection<Double> values) {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("no values to take percentiles of");
    }
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Percentiles(sorted.length, sorted[0], rank(sorted, 50), rank(sorted, 95),
        rank(sorted, 99), sorted[sorted.length - 1]);
  }

  private static double rank(double[] sorted, double p) {
    int index = (int) Math.ceil(p / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  /** "p50 12.3 · p95 45.6 · p99 50.1 · max 61.0 (n=50)" with the unit after each figure. */
  String describe(String unit) {
    return String.format("p50 %.1f %s, p95 %.1f %s, p99 %.1f %s, min %.1f, max %.1f (n=%d)",
        p50, unit, p95, unit, p99, unit, min, max, count);
  }

  @Override
  public String toString() {
    return describe("");
  }
}
