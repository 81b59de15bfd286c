package org.ferry.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import org.ferry.app.client.ApiException;
import org.ferry.app.cli.BenchCommand;
import org.ferry.app.cli.Converters;
import org.ferry.app.cli.CalibrateCommand;
import org.ferry.app.cli.DemoCommand;
import org.ferry.app.cli.ExperimentCommand;
import org.ferry.app.cli.MigrateCommand;
import org.ferry.app.cli.OpticalEmulatorCommand;
import org.ferry.app.cli.PredictCommand;
import org.ferry.app.cli.RunsCommand;
import org.ferry.app.cli.ServerCommand;
import org.ferry.app.cli.TestbedCommand;
import org.ferry.app.cli.TokenCommand;
import org.ferry.workflow.RejectedRequestException;
import org.ferry.inventory.InventoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ferry} command.
 *
 * <p>Exit codes: 0 success; 1 the run did not reach its goal (the message says why), or a server
 * failed; 2 bad input (a server's 4xx included).
 */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    versionProvider = FerryCli.Version.class,
    description = {
      "Keeps a virtualized mobile core (HSS, MME, SPGW) in service when the optical backhaul",
      "under it fails: restores the lightpath, checks each function's SLA, and live-migrates",
      "what misses it over a temporary lightpath, measuring every phase."
    },
    subcommands = {DemoCommand.class, MigrateCommand.class, PredictCommand.class,
      ExperimentCommand.class, CalibrateCommand.class, OpticalEmulatorCommand.class,
      TestbedCommand.class, BenchCommand.class, ServerCommand.class, TokenCommand.class,
      RunsCommand.class, CommandLine.HelpCommand.class})
public final class FerryCli implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command line on the process's streams and returns its exit code. */
  public static int run(String... args) {
    return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
  }

  /** Runs the command line on the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new FerryCli());
    cli.setOut(out);
    cli.setErr(err);
    Converters.register(cli);
    cli.setExecutionExceptionHandler((e, command, parsed) -> {
      command.getErr().println("ferry: " + e.getMessage());
      if (e instanceof ApiException refused) {
        return refused.exitCode();
      }
      return e instanceof IllegalArgumentException || e instanceof RejectedRequestException
          || e instanceof InventoryException ? 2 : 1;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties props = new Properties();
      try (InputStream in = FerryCli.class.getResourceAsStream("/ferry-version.properties")) {
        if (in != null) {
          props.load(in);
        }
      }
      return new String[] {
        "ferry " + props.getProperty("version", "unknown"),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
