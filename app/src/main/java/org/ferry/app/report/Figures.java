package org.ferry.app.report;

import java.time.Duration;
import java.util.Locale;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Durations;

/** How figures are written in reports: seconds and megabytes, with a dot for decimals. */
final class Figures {

  private Figures() {}

  static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.3f", Durations.seconds(d));
  }

  static String megabytes(DataSize size) {
    return String.format(Locale.ROOT, "%.1f", size.megabytes());
  }

  static double secondsValue(Duration d) {
    return Math.round(Durations.seconds(d) * 1e6) / 1e6;
  }

  static double megabytesValue(DataSize size) {
    return Math.round(size.megabytes() * 1e3) / 1e3;
  }
}
