package org.ferry.app.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry runs}: the runs of a running {@code ferry server}, through its API. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "Lists, shows, follows or cancels the runs of a ferry server (--server URL)."
    },
    subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsWatchCommand.class,
      RunsCancelCommand.class})
public final class RunsCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
