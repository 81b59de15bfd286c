package org.ferry.prediction.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.Arrays;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationModelParameters;
import org.junit.jupiter.api.Test;

class CalibrationTest {

  @Test
  void theShippedParametersFitTheCalibrationSetPhaseByPhase() {
    CalibrationReport report =
        Calibration.evaluate(CalibratedMigrationModel.reference(), ReferenceData.bundled());
    System.out.println("Shipped parameters against the reference:\n" + report.toMarkdown());
    assertThat(report.mape(Metric.PRE_LIVE)).isLessThan(5);
    assertThat(report.mape(Metric.LIVE)).isLessThan(6);
    assertThat(report.mape(Metric.POST_LIVE)).isLessThan(6);
    assertThat(report.mape(Metric.CHECKPOINT)).isLessThan(10);
    assertThat(report.mape(Metric.TRANSFER)).isLessThan(15);
    assertThat(report.mape(Metric.RESTORE)).isLessThan(12);
    assertThat(report.mape(Metric.TOTAL)).isLessThan(8);
    assertThat(report.bytesMovedMapePercent()).isLessThan(3);
  }

  @Test
  void refittingTheBundledDataReproducesTheShippedParameters() {
    Calibration.Fit fit = Calibration.fitReference();
    System.out.println("Refit: " + Arrays.toString(fit.parameters().fitted().toVector())
        + " streamCpuLimit " + fit.parameters().assumed().streamCpuLimit() + "\n"
        + fit.report().toMarkdown());
    double[] refit = fit.parameters().fitted().toVector();
    double[] shipped = MigrationModelParameters.Fitted.reference().toVector();
    CalibrationReport shippedReport =
        Calibration.evaluate(CalibratedMigrationModel.reference(), ReferenceData.bundled());
    assertThat(shippedReport.overallMapePercent())
        .as("the shipped parameters are as good as a refit")
        .isLessThan(fit.report().overallMapePercent() + 0.3);
    for (int i = 0; i < refit.length; i++) {
      assertThat(shipped[i]).as(MigrationModelParameters.Fitted.NAMES.get(i))
          .isCloseTo(refit[i], within(Math.max(0.15 * Math.abs(refit[i]), 1e-3)));
    }
  }

  @Test
  void fittedWithoutThe50KmFiguresItPredictsThemAsWell() {
    ReferenceData all = ReferenceData.bundled();
    ReferenceData shortOnes = new ReferenceData(all.phases().stream()
        .filter(p -> p.configuration().lightpath().kilometres() < 50).toList(), all.sizes());
    ReferenceData longOnes = new ReferenceData(all.phases().stream()
        .filter(p -> p.configuration().lightpath().kilometres() >= 50).toList(), all.sizes());
    Calibration.Fit fit = Calibration.fit(shortOnes, MigrationModelParameters.reference()
        .withFitted(MigrationModelParameters.Fitted.initialGuess()));
    CalibrationReport unseen =
        Calibration.evaluate(new CalibratedMigrationModel(fit.parameters()), longOnes);
    System.out.println("Fitted on 0 and 25 km, predicting 50 km:\n" + unseen.toMarkdown());
    assertThat(unseen.overallMapePercent()).isLessThan(8);
  }

  @Test
  void aMalformedRowIsNamedByLine() {
    assertThatThrownBy(() -> ReferenceData.read(
        new StringReader("# header\nHSS,vm,small,openvpn,openroadm,0,prelive\n"),
        new StringReader("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("calibration.csv line 2").hasMessageContaining("8 columns");
    assertThatThrownBy(() -> ReferenceData.read(
        new StringReader("HSS,vm,huge,openvpn,openroadm,0,prelive,3\n"), new StringReader("")))
        .hasMessageContaining("line 1").hasMessageContaining("unknown flavor 'huge'");
  }
}
