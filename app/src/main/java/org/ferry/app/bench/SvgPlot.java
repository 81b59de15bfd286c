package org.ferry.app.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small scatter plot written as SVG: points by series, a dashed target line. */
final class SvgPlot {

  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd"};
  private static final int W = 640;
  private static final int H = 400;
  private static final int L = 70;
  private static final int R = 150;
  private static final int T = 40;
  private static final int B = 50;

  private final String title;
  private final String xLabel;
  private final String yLabel;
  private final Map<String, List<double[]>> series = new LinkedHashMap<>();
  private Double target;

  SvgPlot(String title, String xLabel, String yLabel) {
    this.title = title;
    this.xLabel = xLabel;
    this.yLabel = yLabel;
  }

  SvgPlot point(String name, double x, double y) {
    series.computeIfAbsent(name, k -> new ArrayList<>()).add(new double[] {x, y});
    return this;
  }

  SvgPlot target(double y) {
    this.target = y;
    return this;
  }

  void write(Path file) throws IOException {
    double xMax = 0;
    double yMax = target == null ? 0 : target;
    for (List<double[]> pts : series.values()) {
      for (double[] p : pts) {
        xMax = Math.max(xMax, p[0]);
        yMax = Math.max(yMax, p[1]);
      }
    }
    xMax = xMax <= 0 ? 1 : xMax * 1.05;
    yMax = yMax <= 0 ? 1 : yMax * 1.15;
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
        + " height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n", W, H));
    s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"22\" font-size=\"15\">%s</text>%n", L,
        esc(title)));
    int pw = W - L - R;
    int ph = H - T - B;
    s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
        + " fill=\"none\" stroke=\"black\"/>%n", L, T, pw, ph));
    for (int i = 0; i <= 4; i++) {
      double yv = yMax * i / 4;
      double y = T + ph - ph * i / 4.0;
      double xv = xMax * i / 4;
      double x = L + pw * i / 4.0;
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.3g"
          + "</text>%n", L - 5, y + 4, yv));
      s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%.3g"
          + "</text>%n", x, T + ph + 16, xv));
    }
    s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        L + pw / 2, H - 10, esc(xLabel)));
    s.append(String.format(Locale.ROOT, "<text transform=\"translate(16,%d) rotate(-90)\""
        + " text-anchor=\"middle\">%s</text>%n", T + ph / 2, esc(yLabel)));
    if (target != null) {
      double y = T + ph - ph * target / yMax;
      s.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\""
          + " stroke=\"gray\" stroke-dasharray=\"5,4\"/>%n", L, L + pw, y, y));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" fill=\"gray\">target</text>%n",
          L + pw + 5, y + 4));
    }
    int k = 0;
    for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
      String c = COLOURS[k % COLOURS.length];
      for (double[] p : e.getValue()) {
        s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"4\" fill=\"%s\""
            + " fill-opacity=\"0.7\"/>%n", L + pw * p[0] / xMax, T + ph - ph * p[1] / yMax, c));
      }
      s.append(String.format(Locale.ROOT, "<circle cx=\"%d\" cy=\"%d\" r=\"5\" fill=\"%s\"/>"
          + "<text x=\"%d\" y=\"%d\">%s</text>%n", L + pw + 12, T + 30 + 20 * k, c, L + pw + 22,
          T + 34 + 20 * k, esc(e.getKey())));
      k++;
    }
    s.append("</svg>\n");
    Files.writeString(file, s.toString());
  }

  private static String esc(String t) {
    return t.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
