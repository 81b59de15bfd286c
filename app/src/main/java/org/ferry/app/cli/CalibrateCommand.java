package org.ferry.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ferry.model.unit.Durations;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.prediction.MigrationModelParameters;
import org.ferry.prediction.calibration.Calibration;
import org.ferry.prediction.calibration.ReferenceData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ferry calibrate}: refits the models to reference figures and reports the fit. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description = {
      "Refits the migration models to the reference study's figures.",
      "Fits the models' parameters to the study's per-phase figures and prints them with the error"
          + " per phase (MAPE), beside the error of the parameters Ferry ships.",
      "Reads DIR/calibration.csv and DIR/sizes.csv, or the copies bundled with Ferry."
    })
public final class CalibrateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--reference", paramLabel = "DIR",
      description = "A directory with calibration.csv and sizes.csv (e.g. ../shared/reference);"
          + " default: the copies bundled with Ferry")
  Path reference;

  @Override
  public Integer call() {
    ReferenceData data = reference == null ? ReferenceData.bundled() : read(reference);
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Reference: %s (%d phase figures, %d sizes)%n%n",
        reference == null ? "bundled copies" : reference, data.phases().size(),
        data.sizes().size());
    out.println("Shipped parameters:");
    out.println(Calibration.evaluate(CalibratedMigrationModel.reference(), data).toMarkdown());
    Calibration.Fit fit = Calibration.fit(data, MigrationModelParameters.reference()
        .withFitted(MigrationModelParameters.Fitted.initialGuess()));
    out.println("Refitted:");
    out.println(fit.report().toMarkdown());
    double[] values = fit.parameters().fitted().toVector();
    out.println("| parameter (SI units) | refitted | shipped |");
    out.println("|---|---:|---:|");
    double[] shipped = MigrationModelParameters.Fitted.reference().toVector();
    for (int i = 0; i < values.length; i++) {
      out.printf(Locale.ROOT, "| %s | %.4g | %.4g |%n",
          MigrationModelParameters.Fitted.NAMES.get(i), values[i], shipped[i]);
    }
    out.printf("| streamCpuLimit (anchored, datacenter Live %s) | %s | %s |%n",
        Durations.format(Calibration.DATACENTER_LIVE),
        fit.parameters().assumed().streamCpuLimit(),
        MigrationModelParameters.Assumed.reference().streamCpuLimit());
    out.flush();
    return 0;
  }

  private static ReferenceData read(Path dir) {
    Path calibration = dir.resolve("calibration.csv");
    Path sizes = dir.resolve("sizes.csv");
    for (Path file : new Path[] {calibration, sizes}) {
      if (!Files.isRegularFile(file)) {
        throw new IllegalArgumentException("--reference " + dir + ": no " + file.getFileName()
            + " there");
      }
    }
    try (Reader c = Files.newBufferedReader(calibration, StandardCharsets.UTF_8);
        Reader s = Files.newBufferedReader(sizes, StandardCharsets.UTF_8)) {
      return ReferenceData.read(c, s);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + dir + ": " + e.getMessage(), e);
    }
  }
}
