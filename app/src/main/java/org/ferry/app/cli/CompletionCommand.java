package org.ferry.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ferry completion}: the shell completion script of every command and option, made by
 * picocli from the commands themselves, so it cannot fall behind them.
 */
@Command(
    name = "completion",
    description = {
      "Prints a bash (and zsh) completion script for ferry.",
      "Load it in the current shell with: source <(./ferry completion); or keep it, e.g. ./ferry"
          + " completion > /etc/bash_completion.d/ferry. In zsh, run autoload -U +X bashcompinit"
          + " && bashcompinit first."
    })
public final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(AutoComplete.bash("ferry", spec.root().commandLine()));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
