package org.ferry.app.cli;

import java.util.function.Function;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.server.auth.Role;
import picocli.CommandLine;

/**
 * Turns option text into domain values with the domain's own checks, so that picocli's message
 * names the option and the model's names the rule: "Invalid value for option '--flavor': unknown
 * flavor 'huge'; expected one of small, medium".
 */
public final class Converters {

  private Converters() {}

  public static void register(CommandLine cli) {
    cli.registerConverter(VnfKind.class, wrap(VnfKind::parse));
    cli.registerConverter(Virtualization.class, wrap(Virtualization::parse));
    cli.registerConverter(Flavor.class, wrap(Flavor::parse));
    cli.registerConverter(BackhaulInterface.class, wrap(BackhaulInterface::parse));
    cli.registerConverter(MigrationApproach.class, wrap(MigrationApproach::parse));
    cli.registerConverter(Distance.class, wrap(Converters::kilometres));
    cli.registerConverter(Testbed.class, wrap(Testbed::parse));
    cli.registerConverter(Role.class, wrap(Role::parse));
  }

  private static Distance kilometres(String text) {
    return Distance.ofKilometres(number(text));
  }

  private static double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a number of kilometres");
    }
  }

  /**
   * The length of fibre between two sites, which must be above 0 (a {@link Distance} may be 0:
   * a lightpath's own length can be), for options such as {@code demo --distance-km}.
   */
  public static final class SitesApartKilometres implements CommandLine.ITypeConverter<Distance> {
    @Override
    public Distance convert(String text) {
      double km;
      try {
        km = number(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
      // Checked before Distance's own rule (0 or more), which would name the wrong bound.
      if (!(km > 0) || !Double.isFinite(km)) {
        throw new CommandLine.TypeConversionException("must be above 0 km (the sites are joined"
            + " by fibre), got " + text);
      }
      return Distance.ofKilometres(km);
    }
  }

  private static <T> CommandLine.ITypeConverter<T> wrap(Function<String, T> parse) {
    return text -> {
      try {
        return parse.apply(text);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    };
  }
}
