package org.ferry.app.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Starts {@code ferry server} in-process for tests outside this package. */
public final class ServerCommandAccess {

  private ServerCommandAccess() {}

  /** Parses {@code args} as {@code ferry server} would and starts it; close to drain and stop. */
  public static AutoCloseable start(PrintWriter out, List<String> args) {
    ServerCommand command = new ServerCommand();
    CommandLine cli = new CommandLine(command);
    Converters.register(cli);
    cli.parseArgs(args.toArray(String[]::new));
    return command.start(out);
  }

  private static final Pattern LISTENING = Pattern.compile("listening on (https?://\\S+)");

  /**
   * The base URL in the server's listening line.
   *
   * @param output what the server printed (a StringWriter, say)
   * @throws AssertionError quoting the output, if it has no such line
   */
  public static String baseUrl(Object output) {
    Matcher m = LISTENING.matcher(output.toString());
    if (!m.find()) {
      throw new AssertionError("no listening line in: " + output);
    }
    return m.group(1);
  }
}
