package org.ferry.app.cli;

import java.io.PrintWriter;
import java.util.List;
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
}
