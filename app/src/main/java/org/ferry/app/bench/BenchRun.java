package org.ferry.app.bench;

import java.util.List;
import java.util.Locale;

/**
 * One measured move of the VM migration bench.
 *
 * @param rateGbps the lightpath's rate
 * @param lengthKm its length
 * @param dirtyRatio the workload's dirty rate over the link rate
 * @param run the repetition, from 1
 * @param totalSeconds the whole move: pre-live, live and post-live
 * @param liveSeconds the live phase alone (QEMU streaming memory)
 * @param downtimeSeconds QEMU's reported downtime
 * @param bytesMoved bytes QEMU sent
 * @param pingGapSeconds the longest gap between ping replies from the RAN (10 ms probes)
 * @param fault empty, or why the guest is not sound after the move
 */
public record BenchRun(double rateGbps, double lengthKm, double dirtyRatio, int run,
    double totalSeconds, double liveSeconds, double downtimeSeconds, long bytesMoved,
    double pingGapSeconds, String fault) {

  public static final List<String> CSV_COLUMNS = List.of("rate_gbps", "length_km",
      "dirty_ratio", "run", "total_s", "downtime_s", "bytes_moved_mb", "ping_gap_s", "ratio");
  public static final String CSV_HEADER = String.join(",", CSV_COLUMNS);

  /** Total time over the time the bytes need at the link rate: 1 is the line-rate ideal. */
  public double ratio() {
    return totalSeconds / (bytesMoved * 8.0 / (rateGbps * 1e9));
  }

  /** The same for the live phase alone. */
  public double liveRatio() {
    return liveSeconds / (bytesMoved * 8.0 / (rateGbps * 1e9));
  }

  public double megabytes() {
    return bytesMoved / 1e6;
  }

  public boolean sound() {
    return fault.isEmpty();
  }

  /** The run's cells in runs.csv, under {@link #CSV_COLUMNS}. */
  public List<String> csvCells() {
    return List.of(num(rateGbps), num(lengthKm), fixed(3, dirtyRatio), Integer.toString(run),
        fixed(3, totalSeconds), fixed(3, downtimeSeconds), fixed(1, megabytes()),
        fixed(3, pingGapSeconds), fixed(3, ratio()));
  }

  private static String fixed(int decimals, double v) {
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }
}
