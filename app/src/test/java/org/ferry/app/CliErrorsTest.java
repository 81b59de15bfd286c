package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.ferry.app.cli.FailureHandler;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** How the command line answers help, bad input and its own bugs: what stderr and exit show. */
class CliErrorsTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int ferry(String... args) {
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void everyCommandAnswersHelpWithItsUsageAndExitZero() {
    List<String> commands = new ArrayList<>();
    collect(new CommandLine(new FerryCli()), commands);
    assertThat(commands).contains("ferry testbed", "ferry bench", "ferry bench server",
        "ferry runs list", "ferry server", "ferry token");
    for (String command : commands) {
      out.getBuffer().setLength(0);
      List<String> args = new ArrayList<>(List.of(command.split(" ")));
      args.removeFirst();
      args.add("--help");
      assertThat(ferry(args.toArray(String[]::new))).as(command).isZero();
      assertThat(out.toString()).as(command).startsWith("Usage: " + command);
    }
    assertThat(err.toString()).isEmpty();
  }

  private static void collect(CommandLine command, List<String> into) {
    if (!command.getCommandName().equals("help")) {
      into.add(command.getCommandSpec().qualifiedName());
      command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
  }

  @Test
  void aParseErrorIsTwoLinesWithAPointerToTheCommandsHelp() {
    assertThat(ferry("demo", "--flavr", "small")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        "ferry: Unknown options: '--flavr', 'small' (did you mean --flavor?)",
        "try `ferry demo --help`");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void aMisspeltCommandIsNamedAndTheNearOneSuggested() {
    assertThat(ferry("runs", "lsit")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        "ferry: unknown command 'lsit' (did you mean list?)", "try `ferry runs --help`");
  }

  @Test
  void aWordFarFromEveryCommandGetsNoSuggestion() {
    assertThat(ferry("bench", "xyzzy-plugh")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown command 'xyzzy-plugh'")
        .doesNotContain("did you mean").contains("try `ferry bench --help`");
  }

  @Test
  void aMissingOptionIsShortToo() {
    assertThat(ferry("migrate")).isEqualTo(2);
    assertThat(err.toString().lines()).containsExactly(
        "ferry: Missing required option: '--vnf=KIND|ID'", "try `ferry migrate --help`");
  }

  @Test
  void theRootHelpDocumentsDebugAndFerryLog() {
    assertThat(ferry("--help")).isZero();
    assertThat(out.toString()).contains("--debug").contains("FERRY_LOG=DEBUG");
  }

  /** A command with a bug, run the way FerryCli runs its own. */
  @Command(name = "broken")
  static final class Broken implements Runnable {
    @CommandLine.Option(names = FailureHandler.DEBUG_OPTION) boolean debug;

    @Override
    public void run() {
      throw new NullPointerException("Cannot invoke \"Object.toString()\" because \"x\" is null");
    }
  }

  private int broken(String ferryLog, String... args) {
    CommandLine cli = new CommandLine(new Broken());
    cli.setErr(new PrintWriter(err, true));
    cli.setExecutionExceptionHandler(new FailureHandler(ferryLog));
    return cli.execute(args);
  }

  @Test
  void anUnexpectedExceptionIsAnInternalErrorPointingToDebug() {
    assertThat(broken(null)).isEqualTo(1);
    assertThat(err.toString().lines()).containsExactly("ferry: internal error:"
        + " java.lang.NullPointerException: Cannot invoke \"Object.toString()\" because \"x\" is"
        + " null (run with --debug, or FERRY_LOG=DEBUG, for the stack trace)");
  }

  @Test
  void debugOrFerryLogDebugPrintsTheStackTrace() {
    assertThat(broken(null, "--debug")).isEqualTo(1);
    assertThat(err.toString()).contains("internal error").contains("\tat ")
        .doesNotContain("run with --debug");
    err.getBuffer().setLength(0);
    assertThat(broken("debug")).isEqualTo(1);
    assertThat(err.toString()).contains("\tat ");
  }

  @Test
  void anExpectedErrorKeepsItsMessageAndExitCode() {
    assertThat(ferry("demo", "--cut", "fiber-x")).isEqualTo(2);
    assertThat(err.toString()).startsWith("ferry: ").doesNotContain("internal error")
        .doesNotContain("\tat ");
    err.getBuffer().setLength(0);
    assertThat(ferry("demo", "--cut", "fiber-x", "--debug")).isEqualTo(2);
    assertThat(err.toString()).doesNotContain("internal error").contains("\tat ");
  }
}
