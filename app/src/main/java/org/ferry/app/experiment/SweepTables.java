package org.ferry.app.experiment;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ferry.model.network.Testbed;
import org.ferry.model.report.Phase;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.calibration.CalibrationReport;
import org.ferry.prediction.calibration.Metric;
import org.ferry.prediction.calibration.ReferenceData;

/**
 * The sweep as Markdown tables that mirror the reference study's: the phases of each
 * configuration, the twin's mean beside the study's figure where it has one ("51.0 (ref 50.3)").
 */
public final class SweepTables {

  private SweepTables() {}

  /**
   * @param summaries the sweep's means per point
   * @param reference the study's figures
   * @param calibration how well the model fits them
   * @param repetitions runs per point
   */
  public static String markdown(List<PointSummary> summaries, ReferenceData reference,
      CalibrationReport calibration, int repetitions) {
    StringBuilder md = new StringBuilder("# Ferry experiment sweep (simulated)\n\n");
    md.append("Each figure is the mean of ").append(repetitions).append(" runs in the digital"
        + " twin (a planned move from site-a to site-b with the whole orchestration), in seconds"
        + " unless noted. \"ref\" is the reference study's figure for the same configuration"
        + " (optical testbed, HSS and MME only; its shortest lightpath is listed there as"
        + " 0 km). The datacenter's lightpath lengths are Ferry's: the study's datacenter had"
        + " no optical backhaul.\n\n");
    for (Testbed testbed : Testbed.values()) {
      md.append("## ").append(testbed.displayName()).append(": VM pre-copy\n\n");
      phaseTable(md, summaries, reference, testbed, MigrationApproach.PRE_COPY,
          List.of(Metric.PRE_LIVE, Metric.LIVE, Metric.POST_LIVE, Metric.TOTAL));
      md.append("## ").append(testbed.displayName()).append(": container stop-and-copy\n\n");
      phaseTable(md, summaries, reference, testbed, MigrationApproach.STOP_AND_COPY,
          List.of(Metric.CHECKPOINT, Metric.TRANSFER, Metric.RESTORE, Metric.TOTAL));
    }
    alternatives(md, summaries);
    ueRecovery(md, summaries);
    md.append("## Calibration: the model against the reference figures\n\n")
        .append(calibration.toMarkdown()).append('\n');
    return md.toString();
  }

  private static void phaseTable(StringBuilder md, List<PointSummary> summaries,
      ReferenceData reference, Testbed testbed, MigrationApproach approach, List<Metric> metrics) {
    md.append("| VNF | flavor | interface | lightpath |");
    metrics.forEach(m -> md.append(' ').append(m.csvName()).append(" |"));
    md.append(" downtime | MB moved |\n|---|---|---|---|");
    metrics.forEach(m -> md.append("---:|"));
    md.append("---:|---:|\n");
    for (PointSummary s : summaries) {
      SweepPoint p = s.point();
      if (p.testbed() != testbed || p.approach() != approach) {
        continue;
      }
      md.append("| ").append(p.kind()).append(" | ").append(p.flavor().displayName())
          .append(" | ").append(p.backhaul().displayName()).append(" | ").append(p.lightpath())
          .append(" |");
      for (Metric metric : metrics) {
        Duration value = metric == Metric.TOTAL ? s.migrationTime() : s.phases()
            .getOrDefault(phase(metric), Duration.ZERO);
        Optional<Duration> ref = reference.figure(p.referenceConfiguration(), metric);
        md.append(' ').append(cell(s, value, ref)).append(" |");
      }
      md.append(' ').append(s.moved() == 0 ? "–" : seconds(s.downtime())).append(" | ");
      Optional<String> refBytes = reference.bytesMoved(p.kind(), p.virtualization(), p.flavor())
          .filter(b -> testbed == Testbed.OPENROADM)
          .map(b -> String.format(Locale.ROOT, " (ref %.0f)", b.megabytes()));
      md.append(s.moved() == 0 ? "–" : String.format(Locale.ROOT, "%.0f",
          s.bytesMoved().megabytes()) + refBytes.orElse("")).append(" |\n");
    }
    md.append('\n');
  }

  private static void alternatives(StringBuilder md, List<PointSummary> summaries) {
    md.append("## Beyond the reference: VM post-copy and container lazy migration\n\n")
        .append("Floating-IP backhaul, 50 km lightpath; the reference approach beside.\n\n")
        .append("| testbed | VNF | packaging | flavor | approach | migration | downtime |"
            + " reference approach: migration | downtime |\n")
        .append("|---|---|---|---|---|---:|---:|---:|---:|\n");
    for (PointSummary s : summaries) {
      SweepPoint p = s.point();
      if (p.referenceApproach() || p.backhaul() != BackhaulInterface.FLOATING_IP
          || p.lightpath().kilometres() != 50) {
        continue;
      }
      Optional<PointSummary> ref = summaries.stream().filter(o -> o.point().equals(
          new SweepPoint(p.kind(), p.virtualization(), p.flavor(), p.lightpath(), p.backhaul(),
              p.testbed(), MigrationApproach.referenceFor(p.virtualization())))).findFirst();
      md.append("| ").append(p.testbed().displayName()).append(" | ").append(p.kind())
          .append(" | ").append(p.virtualization().displayName()).append(" | ")
          .append(p.flavor().displayName()).append(" | ").append(p.approach().displayName())
          .append(" | ").append(seconds(s.migrationTime())).append(" | ")
          .append(seconds(s.downtime())).append(" | ")
          .append(ref.map(r -> seconds(r.migrationTime())).orElse("–")).append(" | ")
          .append(ref.map(r -> seconds(r.downtime())).orElse("–")).append(" |\n");
    }
    md.append('\n');
  }

  private static void ueRecovery(StringBuilder md, List<PointSummary> summaries) {
    md.append("## UE service recovery during an SPGW move\n\n")
        .append("The longest gap an attached UE saw, mean over runs, 50 km lightpath; the"
            + " model's prediction beside. The study measured about 1.4-2.3 s for a container"
            + " and 5.4 s for a VM, about 10 s through OpenVPN and 6 s with a floating IP;"
            + " Ferry steers the backhaul at the switch-over rather than after the VIM's"
            + " bookkeeping, so its gaps are the downtime plus the flow change plus the"
            + " interface's reconnection. For a container that is the whole stop-and-copy:"
            + " with CRIU costs fitted on the HSS and MME (per byte), the SPGW's 100 MB image"
            + " cannot be dumped, moved and restored in the study's 1.4-2.3 s; lazy migration"
            + " comes closest.\n\n")
        .append("| testbed | packaging | flavor | approach | interface | UE SRT | predicted |\n")
        .append("|---|---|---|---|---|---:|---:|\n");
    for (PointSummary s : summaries) {
      SweepPoint p = s.point();
      if (!p.kind().equals(VnfKind.SPGW) || p.lightpath().kilometres() != 50) {
        continue;
      }
      md.append("| ").append(p.testbed().displayName()).append(" | ")
          .append(p.virtualization().displayName()).append(" | ")
          .append(p.flavor().displayName()).append(" | ").append(p.approach().displayName())
          .append(" | ").append(p.backhaul().displayName()).append(" | ")
          .append(s.ueServiceRecovery().map(SweepTables::seconds).orElse("–")).append(" | ")
          .append(s.prediction().flatMap(x -> x.ueServiceRecovery())
              .map(SweepTables::seconds).orElse("–"))
          .append(" |\n");
    }
    md.append('\n');
  }

  private static String cell(PointSummary s, Duration value, Optional<Duration> ref) {
    if (s.moved() == 0) {
      return "–";
    }
    return seconds(value) + ref.map(r -> " (ref " + seconds(r) + ")").orElse("");
  }

  private static Phase phase(Metric metric) {
    return switch (metric) {
      case PRE_LIVE -> Phase.PRE_LIVE;
      case LIVE -> Phase.LIVE;
      case POST_LIVE -> Phase.POST_LIVE;
      case CHECKPOINT -> Phase.CHECKPOINT;
      case TRANSFER -> Phase.TRANSFER;
      case RESTORE -> Phase.RESTORE;
      case TOTAL -> throw new IllegalArgumentException("the total is not a phase");
    };
  }

  private static String seconds(Duration d) {
    return String.format(Locale.ROOT, "%.2f", Durations.seconds(d));
  }
}
