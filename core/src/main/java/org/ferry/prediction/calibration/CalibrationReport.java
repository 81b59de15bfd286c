package org.ferry.prediction.calibration;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How well a model reproduces the reference figures: the mean absolute percentage error (MAPE)
 * per metric, over every configuration the study measured it in.
 *
 * @param mapePercent per metric, the MAPE in percent (only metrics with figures)
 * @param figuresPerMetric how many reference figures each MAPE is over
 * @param bytesMovedMapePercent the MAPE of the bytes moved, in percent
 * @param overallMapePercent the MAPE over every phase figure, in percent
 */
public record CalibrationReport(
    Map<Metric, Double> mapePercent,
    Map<Metric, Integer> figuresPerMetric,
    double bytesMovedMapePercent,
    double overallMapePercent) {

  public CalibrationReport {
    mapePercent = Collections.unmodifiableMap(new EnumMap<>(mapePercent));
    figuresPerMetric = Collections.unmodifiableMap(new EnumMap<>(figuresPerMetric));
  }

  /** The MAPE of one metric, in percent. */
  public double mape(Metric metric) {
    Double value = mapePercent.get(Objects.requireNonNull(metric, "metric"));
    if (value == null) {
      throw new IllegalArgumentException("the reference has no " + metric.csvName() + " figure");
    }
    return value;
  }

  /** A Markdown table: metric, figures, MAPE. */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder("| phase | reference figures | MAPE |\n|---|---:|---:|\n");
    mapePercent.forEach((metric, mape) -> out.append(String.format(Locale.ROOT,
        "| %s | %d | %.1f %% |%n", metric.csvName(), figuresPerMetric.get(metric), mape)));
    out.append(String.format(Locale.ROOT, "| bytes moved | | %.1f %% |%n",
        bytesMovedMapePercent));
    out.append(String.format(Locale.ROOT, "| all phases | %d | %.1f %% |%n",
        figuresPerMetric.values().stream().mapToInt(Integer::intValue).sum(),
        overallMapePercent));
    return out.toString();
  }
}
