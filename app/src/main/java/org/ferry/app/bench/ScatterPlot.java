package org.ferry.app.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ferry.app.report.ChartFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** A scatter plot of the VM bench's moves, points by series, with a dashed target line. */
final class ScatterPlot {

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final Map<String, List<double[]>> series = new LinkedHashMap<>();
  private Double target;

  ScatterPlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  ScatterPlot point(String name, double x, double y) {
    series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
    return this;
  }

  ScatterPlot target(double y) {
    this.target = y;
    return this;
  }

  /** Writes the plot as SVG to {@code file}. */
  void write(Path file) throws IOException {
    XYChart chart = new XYChartBuilder().width(640).height(400).title(title).xAxisTitle(xLabel)
        .yAxisTitle(yLabel).build();
    chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    double xMax = 1;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      chart.addSeries(e.getKey(), e.getValue().stream().mapToDouble(p -> p[0]).toArray(),
          e.getValue().stream().mapToDouble(p -> p[1]).toArray());
      xMax = Math.max(xMax, e.getValue().stream().mapToDouble(p -> p[0]).max().orElse(1));
    }
    if (target != null) {
      XYSeries line = chart.addSeries("target", new double[] {0, xMax},
          new double[] {target, target});
      line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
      line.setLineStyle(SeriesLines.DASH_DASH);
      line.setMarker(SeriesMarkers.NONE);
    }
    if (series.isEmpty() && target == null) {
      chart.addSeries("no moves", new double[] {0}, new double[] {0});
    }
    ChartFiles.svg(chart, file);
  }
}
