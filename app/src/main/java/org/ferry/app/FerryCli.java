package org.ferry.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.Properties;
import org.ferry.app.cli.BenchCommand;
import org.ferry.app.cli.Converters;
import org.ferry.app.cli.CalibrateCommand;
import org.ferry.app.cli.CompletionCommand;
import org.ferry.app.cli.DemoCommand;
import org.ferry.app.cli.ExperimentCommand;
import org.ferry.app.cli.FailureHandler;
import org.ferry.app.cli.ManCommand;
import org.ferry.app.cli.MicroSignFallback;
import org.ferry.app.cli.MigrateCommand;
import org.ferry.app.cli.OpticalEmulatorCommand;
import org.ferry.app.cli.ParseErrorHandler;
import org.ferry.app.cli.PredictCommand;
import org.ferry.app.cli.RunsCommand;
import org.ferry.app.cli.ServerCommand;
import org.ferry.app.cli.TestbedCommand;
import org.ferry.app.cli.TokenCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ferry} command.
 *
 * <p>Exit codes: 0 success; 1 the run did not reach its goal (the message says why), a server
 * failed, or an internal error; 2 bad input (a server's 4xx included).
 *
 * <p>{@code --help}, {@code --version} and {@code --debug} are inherited by every subcommand, so
 * that no command answers {@code --help} with "Unknown option".
 */
@Command(
    name = "ferry",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    versionProvider = FerryCli.Version.class,
    description = {
      "Keeps a virtualized mobile core (HSS, MME, SPGW) in service when the optical backhaul under"
          + " it fails.",
      "Ferry restores the lightpath, checks each function's SLA, and live-migrates what misses it"
          + " over a temporary lightpath, measuring every phase."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 success; 1 the run did not reach its goal, a server failed, or an internal"
          + " error; 2 bad input.",
      "Environment: FERRY_LOG=DEBUG (or INFO, WARN: the default) sets the level of the logs on"
          + " stderr; DEBUG also prints an error's stack trace, as --debug does."
    },
    subcommands = {DemoCommand.class, MigrateCommand.class, PredictCommand.class,
      ExperimentCommand.class, CalibrateCommand.class, OpticalEmulatorCommand.class,
      TestbedCommand.class, BenchCommand.class, ServerCommand.class, TokenCommand.class,
      RunsCommand.class, CompletionCommand.class, ManCommand.class,
      CommandLine.HelpCommand.class})
public final class FerryCli implements Runnable {

  @CommandLine.Spec private CommandLine.Model.CommandSpec spec;

  // Read by FailureHandler from the parse result, on whichever command it was given.
  @Option(names = FailureHandler.DEBUG_OPTION, scope = ScopeType.INHERIT,
      description = "On an error, also print its stack trace")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command line on the process's streams and returns its exit code; where their
   * charset cannot show µ (LANG=C), it is written as u.
   */
  public static int run(String... args) {
    Charset charset = MicroSignFallback.ofStandardOutput();
    return run(MicroSignFallback.forCharset(new PrintWriter(System.out, true), charset),
        MicroSignFallback.forCharset(new PrintWriter(System.err, true), charset), args);
  }

  /** Runs the command line on the given streams and returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cli = new CommandLine(new FerryCli());
    cli.setOut(out);
    cli.setErr(err);
    Converters.register(cli);
    cli.setParameterExceptionHandler(new ParseErrorHandler());
    cli.setExecutionExceptionHandler(new FailureHandler(System.getenv("FERRY_LOG")));
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
