package org.ferry.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ferry.app.report.ChartFiles;
import org.ferry.compute.bench.ContainerMigrationBench.Run;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The container bench's grouped bar chart: one group per workload size, one bar per mode and
 * rate, the mean of its runs, with an error bar reaching the run farthest from the mean (so every
 * run lies within it).
 */
final class BarPlot {

  private BarPlot() {}

  /** Writes the chart of {@code value} over {@code runs} as SVG to {@code file}. */
  static Path write(Path file, String title, String unit, List<Run> runs,
      ToDoubleFunction<Run> value) throws IOException {
    List<String> groups = new ArrayList<>();
    Map<String, Map<String, DoubleSummaryStatistics>> bySeries = new LinkedHashMap<>();
    for (Run r : runs) {
      String group = r.workloadMb() + " MB";
      if (!groups.contains(group)) {
        groups.add(group);
      }
      String series = r.mode().displayName() + " @ " + Math.round(r.rate().gbps()) + " Gbit/s";
      bySeries.computeIfAbsent(series, k -> new LinkedHashMap<>())
          .computeIfAbsent(group, k -> new DoubleSummaryStatistics())
          .accept(value.applyAsDouble(r));
    }
    CategoryChart chart = new CategoryChartBuilder().width(760).height(420).title(title)
        .xAxisTitle("workload").yAxisTitle(unit).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    for (Map.Entry<String, Map<String, DoubleSummaryStatistics>> s : bySeries.entrySet()) {
      List<Double> means = new ArrayList<>();
      List<Double> reach = new ArrayList<>();
      for (String group : groups) {
        DoubleSummaryStatistics stats = s.getValue().get(group);
        double mean = stats == null ? 0 : stats.getAverage();
        means.add(mean);
        reach.add(stats == null ? 0
            : Math.max(stats.getMax() - mean, mean - stats.getMin()));
      }
      chart.addSeries(s.getKey(), groups, means, reach);
    }
    if (bySeries.isEmpty()) {
      chart.addSeries("no runs", List.of("none"), List.of(0.0));
    }
    return ChartFiles.svg(chart, file);
  }
}
