package org.ferry.app.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.ferry.compute.bench.ContainerMigrationBench.Run;

/**
 * A grouped bar chart as plain SVG: one group per workload size, one bar per mode and rate (the
 * mean of its runs, with a line from the smallest to the largest run). No plotting library
 * needed.
 */
final class SvgBars {

  private static final String[] COLOURS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728",
      "#9467bd", "#8c564b"};

  private SvgBars() {}

  static String plot(String title, String unit, List<Run> runs, ToDoubleFunction<Run> value) {
    Map<Integer, Map<String, List<Double>>> groups = new LinkedHashMap<>();
    List<String> series = new ArrayList<>();
    for (Run r : runs) {
      String s = r.mode().displayName() + " @ " + Math.round(r.rate().gbps()) + " Gbit/s";
      if (!series.contains(s)) {
        series.add(s);
      }
      groups.computeIfAbsent(r.workloadMb(), k -> new LinkedHashMap<>())
          .computeIfAbsent(s, k -> new ArrayList<>()).add(value.applyAsDouble(r));
    }
    double max = runs.stream().mapToDouble(value).filter(Double::isFinite).max().orElse(1);
    max = max <= 0 ? 1 : max * 1.1;
    int width = 760;
    int height = 420;
    int left = 70;
    int bottom = 360;
    int top = 50;
    double plotHeight = bottom - top;
    int groupWidth = groups.isEmpty() ? 1 : (width - left - 20) / groups.size();
    int barWidth = Math.max(4, (groupWidth - 30) / Math.max(1, series.size()));
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", width, height));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">%s</text>%n",
        left, escape(title)));
    for (int i = 0; i <= 4; i++) {
      double v = max * i / 4;
      double y = bottom - plotHeight * i / 4;
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\" "
          + "stroke=\"#ddd\"/><text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g %s</text>%n",
          left, width - 20, y, y, left - 6, y + 4, v, unit));
    }
    int g = 0;
    for (Map.Entry<Integer, Map<String, List<Double>>> group : groups.entrySet()) {
      int x0 = left + g * groupWidth + 15;
      for (int s = 0; s < series.size(); s++) {
        List<Double> values = group.getValue().get(series.get(s));
        if (values == null) {
          continue;
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double lo = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double h = plotHeight * mean / max;
        int x = x0 + s * barWidth;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" "
            + "height=\"%.1f\" fill=\"%s\"><title>%s: %.3f %s</title></rect>%n", x, bottom - h,
            barWidth - 2, h, COLOURS[s % COLOURS.length], escape(series.get(s)), mean, unit));
        double cx = x + (barWidth - 2) / 2.0;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%.1f\" "
            + "y2=\"%.1f\" stroke=\"black\"/>%n", cx, cx, bottom - plotHeight * lo / max,
            bottom - plotHeight * hi / max));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d MB"
          + "</text>%n", x0 + series.size() * barWidth / 2, bottom + 18, group.getKey()));
      g++;
    }
    for (int s = 0; s < series.size(); s++) {
      int x = left + (s % 3) * 220;
      int y = bottom + 38 + (s / 3) * 16;
      svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\""
          + " fill=\"%s\"/><text x=\"%d\" y=\"%d\">%s</text>%n", x, y - 9,
          COLOURS[s % COLOURS.length], x + 14, y, escape(series.get(s))));
    }
    svg.append("</svg>\n");
    return svg.toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
