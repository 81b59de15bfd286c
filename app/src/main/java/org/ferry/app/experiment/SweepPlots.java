package org.ferry.app.experiment;

import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.Distance;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.app.report.ChartFiles;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The sweep's plots, as grouped bars in the manner of the study, each as PNG and SVG: per
 * testbed, migration time and downtime per configuration (function, packaging and flavor; one bar
 * per lightpath length, reference approach, floating IP), downtime of each approach, and the UE
 * service recovery time of the SPGW per interface.
 */
public final class SweepPlots {

  private SweepPlots() {}

  /**
   * Writes the plots into {@code dir} and returns the files written.
   *
   * @throws IOException if a file cannot be written
   */
  public static List<Path> write(List<PointSummary> summaries, Path dir) throws IOException {
    System.setProperty("java.awt.headless", "true");
    List<Path> written = new ArrayList<>();
    for (Testbed testbed : Testbed.values()) {
      String suffix = "-" + testbed.displayName();
      written.addAll(save(byLightpath(summaries, testbed, "Migration time",
          PointSummary::migrationTime), dir, "migration-time" + suffix));
      written.addAll(save(byApproach(summaries, testbed), dir, "downtime" + suffix));
      written.addAll(save(ueRecovery(summaries, testbed), dir, "ue-recovery" + suffix));
    }
    return written;
  }

  private static CategoryChart chart(String title, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(1100).height(520).title(title)
        .xAxisTitle("configuration (S: Small, M: Medium)").yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
    chart.getStyler().setXAxisLabelRotation(90);
    chart.getStyler().setXAxisMaxLabelCount(100);
    chart.getStyler().setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    return chart;
  }

  private static CategoryChart byLightpath(List<PointSummary> summaries, Testbed testbed,
      String title, Function<PointSummary, java.time.Duration> figure) {
    CategoryChart chart = chart(title + " (" + testbed.displayName()
        + ", reference approach, floating IP)", "seconds");
    for (Distance lightpath : SweepPoint.LIGHTPATHS) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Virtualization v : Virtualization.values()) {
        for (VnfKind kind : VnfKind.shipped()) {
          for (Flavor flavor : Flavor.named()) {
            SweepPoint point = new SweepPoint(kind, v, flavor, lightpath,
                BackhaulInterface.FLOATING_IP, testbed, MigrationApproach.referenceFor(v));
            labels.add(label(kind, v, flavor));
            values.add(find(summaries, point).map(s -> Durations.seconds(figure.apply(s)))
                .orElse(0.0));
          }
        }
      }
      chart.addSeries(lightpath.toString(), labels, values);
    }
    return chart;
  }

  private static CategoryChart byApproach(List<PointSummary> summaries, Testbed testbed) {
    CategoryChart chart = chart("Downtime (" + testbed.displayName()
        + ", 50 km lightpath, floating IP)", "seconds");
    for (String series : List.of("reference approach", "post-copy / lazy")) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Virtualization v : Virtualization.values()) {
        MigrationApproach approach = series.startsWith("reference")
            ? MigrationApproach.referenceFor(v)
            : v == Virtualization.VM ? MigrationApproach.POST_COPY : MigrationApproach.LAZY;
        for (VnfKind kind : VnfKind.shipped()) {
          for (Flavor flavor : Flavor.named()) {
            SweepPoint point = new SweepPoint(kind, v, flavor, Distance.ofKilometres(50),
                BackhaulInterface.FLOATING_IP, testbed, approach);
            labels.add(label(kind, v, flavor));
            values.add(find(summaries, point).map(s -> Durations.seconds(s.downtime()))
                .orElse(0.0));
          }
        }
      }
      chart.addSeries(series, labels, values);
    }
    return chart;
  }

  private static CategoryChart ueRecovery(List<PointSummary> summaries, Testbed testbed) {
    CategoryChart chart = chart("UE service recovery during an SPGW move ("
        + testbed.displayName() + ", 50 km lightpath)", "seconds");
    for (BackhaulInterface backhaul : BackhaulInterface.values()) {
      List<String> labels = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Virtualization v : Virtualization.values()) {
        for (MigrationApproach approach : MigrationApproach.values()) {
          if (approach.virtualization() != v) {
            continue;
          }
          for (Flavor flavor : Flavor.named()) {
            SweepPoint point = new SweepPoint(VnfKind.SPGW, v, flavor,
                Distance.ofKilometres(50), backhaul, testbed, approach);
            labels.add(approach.displayName() + " " + (flavor.equals(Flavor.SMALL) ? "S" : "M"));
            values.add(find(summaries, point).flatMap(PointSummary::ueServiceRecovery)
                .map(Durations::seconds).orElse(0.0));
          }
        }
      }
      chart.addSeries(backhaul.displayName(), labels, values);
    }
    return chart;
  }

  private static String label(VnfKind kind, Virtualization v, Flavor flavor) {
    return kind + " " + v.displayName() + " " + (flavor.equals(Flavor.SMALL) ? "S" : "M");
  }

  private static Optional<PointSummary> find(List<PointSummary> summaries, SweepPoint point) {
    return summaries.stream().filter(s -> s.point().equals(point)).findFirst();
  }

  private static List<Path> save(CategoryChart chart, Path dir, String name) throws IOException {
    return ChartFiles.pngAndSvg(chart, dir, name);
  }
}
