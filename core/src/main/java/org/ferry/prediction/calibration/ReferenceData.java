package org.ferry.prediction.calibration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Distance;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.NetworkPath;

/**
 * The reference study's measurements: per-phase times ({@code calibration.csv}) and bytes moved
 * ({@code sizes.csv}), each the mean of five runs.
 *
 * @param phases the per-phase figures
 * @param sizes the bytes moved per function, packaging and flavor
 */
public record ReferenceData(List<PhaseFigure> phases, List<SizeFigure> sizes) {

  public ReferenceData {
    phases = List.copyOf(phases);
    sizes = List.copyOf(sizes);
  }

  /**
   * The configuration a figure was measured in.
   *
   * @param kind the function
   * @param virtualization VM or container (moved with the reference approach of each)
   * @param flavor its size
   * @param backhaul the backhaul interface
   * @param testbed the site
   * @param lightpath the management lightpath's fibre
   */
  public record Configuration(
      VnfKind kind,
      Virtualization virtualization,
      Flavor flavor,
      BackhaulInterface backhaul,
      Testbed testbed,
      Distance lightpath) {

    public Configuration {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(virtualization, "virtualization");
      Objects.requireNonNull(flavor, "flavor");
      Objects.requireNonNull(backhaul, "backhaul");
      Objects.requireNonNull(testbed, "testbed");
      Objects.requireNonNull(lightpath, "lightpath");
    }

    /** The scenario to predict this configuration with, on the testbed's management network. */
    public MigrationScenario scenario() {
      return MigrationScenario.of(kind, virtualization, flavor,
          NetworkPath.over(testbed.management(), lightpath), backhaul, testbed);
    }

    /** The approach the study measured. */
    public MigrationApproach approach() {
      return MigrationApproach.referenceFor(virtualization);
    }
  }

  /** One measured phase: {@code configuration}'s {@code metric} took {@code value}. */
  public record PhaseFigure(Configuration configuration, Metric metric, Duration value) {
    public PhaseFigure {
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(value, "value");
    }
  }

  /** Bytes one move sent between the hosts. */
  public record SizeFigure(
      VnfKind kind, Virtualization virtualization, Flavor flavor, DataSize bytesMoved) {
    public SizeFigure {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(virtualization, "virtualization");
      Objects.requireNonNull(flavor, "flavor");
      Objects.requireNonNull(bytesMoved, "bytesMoved");
    }
  }

  /** The copies of the reference tables bundled with core. */
  public static ReferenceData bundled() {
    try (Reader calibration = resource("calibration.csv"); Reader sizes = resource("sizes.csv")) {
      return read(calibration, sizes);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled reference data", e);
    }
  }

  /**
   * Reads the two tables. Lines starting with {@code #} and blank lines are skipped.
   *
   * @param calibration rows {@code vnf,virt,flavor,iface,testbed,distance_km,phase,seconds}
   * @param sizes rows {@code vnf,virt,flavor,bytes_moved_mb}
   * @throws IllegalArgumentException naming the line, if a row is malformed
   * @throws IOException if a reader fails
   */
  public static ReferenceData read(Reader calibration, Reader sizes) throws IOException {
    List<PhaseFigure> phases = new ArrayList<>();
    for (Row row : rows(calibration, 8, "calibration")) {
      String[] c = row.cells();
      try {
        Configuration configuration = new Configuration(VnfKind.parse(c[0]),
            Virtualization.parse(c[1]), Flavor.parse(c[2]), parseInterface(c[3]),
            Testbed.parse(c[4]), Distance.ofKilometres(Double.parseDouble(c[5])));
        phases.add(new PhaseFigure(configuration, Metric.parse(c[6]),
            Durations.ofSeconds(Double.parseDouble(c[7]))));
      } catch (IllegalArgumentException e) {
        throw row.error(e);
      }
    }
    List<SizeFigure> sizeFigures = new ArrayList<>();
    for (Row row : rows(sizes, 4, "sizes")) {
      String[] c = row.cells();
      try {
        sizeFigures.add(new SizeFigure(VnfKind.parse(c[0]), Virtualization.parse(c[1]),
            Flavor.parse(c[2]), DataSize.ofMegabytes(Double.parseDouble(c[3]))));
      } catch (IllegalArgumentException e) {
        throw row.error(e);
      }
    }
    return new ReferenceData(phases, sizeFigures);
  }

  /** The measured figure of one configuration's metric, if the study has it. */
  public Optional<Duration> figure(Configuration configuration, Metric metric) {
    return phases.stream()
        .filter(p -> p.configuration().equals(configuration) && p.metric() == metric)
        .map(PhaseFigure::value)
        .findFirst();
  }

  /** The measured bytes moved, if the study has them. */
  public Optional<DataSize> bytesMoved(VnfKind kind, Virtualization virtualization,
      Flavor flavor) {
    return sizes.stream()
        .filter(s -> s.kind().equals(kind) && s.virtualization() == virtualization
            && s.flavor().equals(flavor))
        .map(SizeFigure::bytesMoved)
        .findFirst();
  }

  /** The CSV writes "floatingip"; Ferry says "floating-ip". */
  private static BackhaulInterface parseInterface(String text) {
    return text.trim().equalsIgnoreCase("floatingip")
        ? BackhaulInterface.FLOATING_IP : BackhaulInterface.parse(text);
  }

  private record Row(String table, int number, String text, String[] cells) {
    IllegalArgumentException error(IllegalArgumentException cause) {
      return new IllegalArgumentException(table + ".csv line " + number + " ('" + text + "'): "
          + cause.getMessage(), cause);
    }
  }

  private static List<Row> rows(Reader reader, int columns, String table) throws IOException {
    List<Row> rows = new ArrayList<>();
    BufferedReader lines = new BufferedReader(reader);
    String line;
    int number = 0;
    while ((line = lines.readLine()) != null) {
      number++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String[] cells = trimmed.split(",", -1);
      if (cells.length != columns) {
        throw new IllegalArgumentException(table + ".csv line " + number + " ('" + trimmed
            + "'): expected " + columns + " columns, got " + cells.length);
      }
      rows.add(new Row(table, number, trimmed, cells));
    }
    return rows;
  }

  private static Reader resource(String name) {
    InputStream in = ReferenceData.class.getResourceAsStream("/org/ferry/prediction/" + name);
    if (in == null) {
      throw new IllegalStateException("the bundled reference table " + name + " is missing");
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
