package org.ferry.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ferry man}: prints the man page ferry(1), made from the commands themselves. */
@Command(
    name = "man",
    description = {
      "Prints the man page ferry(1), every command and option in it.",
      "Read it with: ./ferry man > ferry.1 && man ./ferry.1; or install it, e.g. ./ferry man >"
          + " /usr/local/share/man/man1/ferry.1."
    })
public final class ManCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String[] version = spec.root().versionProvider() == null ? new String[] {"ferry"}
        : spec.root().versionProvider().getVersion();
    spec.commandLine().getOut().print(ManPage.of(spec.root().commandLine(), version[0]));
    spec.commandLine().getOut().flush();
    return 0;
  }
}
