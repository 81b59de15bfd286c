package org.ferry.prediction.calibration;

import java.time.Duration;
import org.ferry.model.Names;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;

/** A figure of the reference tables: one phase of a move, or a container move's total. */
public enum Metric {
  PRE_LIVE("prelive", Phase.PRE_LIVE),
  LIVE("live", Phase.LIVE),
  POST_LIVE("postlive", Phase.POST_LIVE),
  CHECKPOINT("checkpoint", Phase.CHECKPOINT),
  TRANSFER("transfer", Phase.TRANSFER),
  RESTORE("restore", Phase.RESTORE),
  /** The whole move: the sum of the phases. */
  TOTAL("total", null);

  private final String csvName;
  private final Phase phase;

  Metric(String csvName, Phase phase) {
    this.csvName = csvName;
    this.phase = phase;
  }

  /** The name in the reference CSV and in Ferry's outputs: "prelive", "checkpoint", "total". */
  public String csvName() {
    return csvName;
  }

  public static Metric parse(String text) {
    return Names.parse(Metric.class, text, "phase", Metric::csvName);
  }

  /** This figure as predicted. */
  public Duration of(Prediction prediction) {
    return phase == null ? prediction.migrationTime() : prediction.duration(phase);
  }
}
