package org.ferry.prediction.calibration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.ferry.model.network.Testbed;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Distance;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationModel;
import org.ferry.prediction.MigrationModelParameters;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.NetworkPath;

/**
 * Fits {@link MigrationModelParameters.Fitted} to reference figures, and measures how well a
 * model reproduces them.
 *
 * <p>The fit minimises the sum of squared relative errors over every phase figure with a
 * coordinate search in log space (each parameter in turn multiplied or divided by a step that
 * halves when nothing improves), within each parameter's bounds. The one parameter the
 * calibration table cannot tell apart from the link efficiency, the sender CPU's stream limit, is
 * then anchored on the datacenter's headline (Live about {@link #DATACENTER_LIVE} at 10G), and
 * the two steps alternate a few times.
 */
public final class Calibration {

  /** The reference study's Live phase on the 10G datacenter testbed. */
  public static final Duration DATACENTER_LIVE = Duration.ofSeconds(10);

  private static final double[] LOWER = {
    0.05, 1e3, 0, 1e-3, 1e-3, 0, 0, 1e5, 0, 1e5, 0, 0};
  private static final double[] UPPER = {
    1, 1e9, 1e5, 600, 600, 600, 600, 1e10, 600, 1e10, 600, 1};
  /** Parameters allowed to reach 0 sit at this fraction of their start when they would. */
  private static final double FLOOR = 1e-6;

  private Calibration() {}

  /**
   * A fit and how good it is.
   *
   * @param parameters the fitted parameters with the anchored stream limit
   * @param report the fit's errors on the figures fitted to
   */
  public record Fit(MigrationModelParameters parameters, CalibrationReport report) {
    public Fit {
      Objects.requireNonNull(parameters, "parameters");
      Objects.requireNonNull(report, "report");
    }
  }

  /** Fits the bundled reference data from the initial guess. */
  public static Fit fitReference() {
    return fit(ReferenceData.bundled(), MigrationModelParameters.reference()
        .withFitted(MigrationModelParameters.Fitted.initialGuess()));
  }

  /**
   * Fits the parameters to {@code data}'s phase figures, starting from {@code start}.
   *
   * @throws IllegalArgumentException if the data has no phase figure
   */
  public static Fit fit(ReferenceData data, MigrationModelParameters start) {
    if (data.phases().isEmpty()) {
      throw new IllegalArgumentException("no phase figures to calibrate against");
    }
    Map<ReferenceData.Configuration, List<ReferenceData.PhaseFigure>> byConfiguration =
        group(data);
    MigrationModelParameters current = start;
    for (int pass = 0; pass < 3; pass++) {
      MigrationModelParameters fixed = current;
      double[] x = minimize(v -> loss(fixed.withFitted(
              MigrationModelParameters.Fitted.fromVector(v)), byConfiguration),
          current.fitted().toVector());
      current = current.withFitted(MigrationModelParameters.Fitted.fromVector(x));
      current = current.withAssumed(
          current.assumed().withStreamCpuLimit(anchorStreamCpuLimit(current)));
    }
    return new Fit(current, evaluate(new CalibratedMigrationModel(current), data));
  }

  /** The errors of {@code model} on {@code data}, per metric. */
  public static CalibrationReport evaluate(MigrationModel model, ReferenceData data) {
    Map<Metric, double[]> sums = new EnumMap<>(Metric.class);
    double total = 0;
    for (var entry : group(data).entrySet()) {
      Prediction p = model.predict(entry.getKey().scenario(), entry.getKey().approach());
      for (ReferenceData.PhaseFigure figure : entry.getValue()) {
        double error = relativeError(p, figure);
        double[] sum = sums.computeIfAbsent(figure.metric(), m -> new double[2]);
        sum[0] += Math.abs(error);
        sum[1]++;
        total += Math.abs(error);
      }
    }
    Map<Metric, Double> mape = new EnumMap<>(Metric.class);
    Map<Metric, Integer> counts = new EnumMap<>(Metric.class);
    sums.forEach((metric, sum) -> {
      mape.put(metric, 100 * sum[0] / sum[1]);
      counts.put(metric, (int) sum[1]);
    });
    double bytes = 0;
    for (ReferenceData.SizeFigure size : data.sizes()) {
      MigrationScenario scenario = MigrationScenario.of(size.kind(), size.virtualization(),
          size.flavor(), NetworkPath.over(Testbed.OPENROADM.management(), Distance.ZERO),
          BackhaulInterface.FLOATING_IP, Testbed.OPENROADM);
      DataSize predicted = model.predict(scenario,
          MigrationApproach.referenceFor(size.virtualization())).bytesMoved();
      bytes += Math.abs(predicted.bytes() - size.bytesMoved().bytes())
          / (double) size.bytesMoved().bytes();
    }
    double bytesMape = data.sizes().isEmpty() ? 0 : 100 * bytes / data.sizes().size();
    return new CalibrationReport(mape, counts, bytesMape, 100 * total / data.phases().size());
  }

  /**
   * The sender CPU's stream limit that gives the datacenter's VM moves (HSS and MME, Small and
   * Medium, 10G management network) a mean Live phase of {@link #DATACENTER_LIVE}.
   */
  static DataRate anchorStreamCpuLimit(MigrationModelParameters parameters) {
    double lo = 100e6;
    double hi = 1e12;
    for (int i = 0; i < 80; i++) {
      double mid = Math.sqrt(lo * hi);
      double live = meanDatacenterLive(parameters.withAssumed(
          parameters.assumed().withStreamCpuLimit(new DataRate(Math.round(mid)))));
      if (live > Durations.seconds(DATACENTER_LIVE)) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return new DataRate(Math.round(Math.sqrt(lo * hi) / 1e6) * 1_000_000);
  }

  private static double meanDatacenterLive(MigrationModelParameters parameters) {
    CalibratedMigrationModel model = new CalibratedMigrationModel(parameters);
    double sum = 0;
    int n = 0;
    for (VnfKind kind : List.of(VnfKind.HSS, VnfKind.MME)) {
      for (Flavor flavor : Flavor.named()) {
        MigrationScenario scenario = MigrationScenario.of(kind, Virtualization.VM, flavor,
            NetworkPath.over(Testbed.DATACENTER.management(), Distance.ZERO),
            BackhaulInterface.FLOATING_IP, Testbed.DATACENTER);
        sum += Durations.seconds(
            model.predict(scenario, MigrationApproach.PRE_COPY).duration(Phase.LIVE));
        n++;
      }
    }
    return sum / n;
  }

  private static double loss(MigrationModelParameters parameters,
      Map<ReferenceData.Configuration, List<ReferenceData.PhaseFigure>> byConfiguration) {
    CalibratedMigrationModel model = new CalibratedMigrationModel(parameters);
    double sum = 0;
    for (var entry : byConfiguration.entrySet()) {
      Prediction p = model.predict(entry.getKey().scenario(), entry.getKey().approach());
      for (ReferenceData.PhaseFigure figure : entry.getValue()) {
        double error = relativeError(p, figure);
        sum += error * error;
      }
    }
    return sum;
  }

  private static double relativeError(Prediction p, ReferenceData.PhaseFigure figure) {
    double measured = Durations.seconds(figure.value());
    return (Durations.seconds(figure.metric().of(p)) - measured) / measured;
  }

  private static Map<ReferenceData.Configuration, List<ReferenceData.PhaseFigure>> group(
      ReferenceData data) {
    Map<ReferenceData.Configuration, List<ReferenceData.PhaseFigure>> groups =
        new LinkedHashMap<>();
    for (ReferenceData.PhaseFigure figure : data.phases()) {
      groups.computeIfAbsent(figure.configuration(), c -> new ArrayList<>()).add(figure);
    }
    return groups;
  }

  /** Coordinate search in log space within {@link #LOWER} and {@link #UPPER}. */
  private static double[] minimize(ToDoubleFunction<double[]> loss, double[] start) {
    double[] x = start.clone();
    for (int i = 0; i < x.length; i++) {
      x[i] = Math.max(x[i], FLOOR);
    }
    double best = loss.applyAsDouble(x);
    double step = 0.5;
    int evaluations = 0;
    while (step > 1e-4 && evaluations < 200_000) {
      boolean improved = false;
      for (int i = 0; i < x.length; i++) {
        for (double direction : new double[] {1, -1}) {
          // Keep going while the same move improves.
          while (true) {
            double[] y = x.clone();
            y[i] = Math.min(UPPER[i], Math.max(Math.max(LOWER[i], FLOOR),
                x[i] * Math.exp(direction * step)));
            if (y[i] == x[i]) {
              break;
            }
            double value = loss.applyAsDouble(y);
            evaluations++;
            if (value < best) {
              best = value;
              x = y;
              improved = true;
            } else {
              break;
            }
          }
        }
      }
      if (!improved) {
        step /= 2;
      }
    }
    return x;
  }
}
