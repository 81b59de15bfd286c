package org.ferry.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.model.Spelling;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Answers a command line that does not parse with two lines on stderr instead of the whole usage,
 * which buried the message: what is wrong (with a "did you mean" for a near miss of an option or
 * a subcommand) and "try `ferry COMMAND --help`". Exits with the command's invalid-input code, 2.
 */
public final class ParseErrorHandler implements CommandLine.IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    String hint = nearMiss(e).map(name -> " (did you mean " + name + "?)").orElse("");
    err.println("ferry: " + message(e) + hint);
    err.println("try `" + command.getCommandSpec().qualifiedName() + " --help`");
    err.flush();
    return command.getCommandSpec().exitCodeOnInvalidInput();
  }

  /** Picocli's message, but an unknown word where a subcommand belongs called what it is. */
  private static String message(ParameterException e) {
    if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()
        && !unmatched.getUnmatched().getFirst().startsWith("-")
        && !e.getCommandLine().getSubcommands().isEmpty()) {
      return "unknown command '" + unmatched.getUnmatched().getFirst() + "'";
    }
    return e.getMessage();
  }

  /**
   * The option or subcommand an unknown argument was probably meant to be: an option's name for
   * one that starts with a dash (its {@code =value} ignored), else a subcommand's name.
   */
  static Optional<String> nearMiss(ParameterException e) {
    if (!(e instanceof UnmatchedArgumentException unmatched)
        || unmatched.getUnmatched().isEmpty()) {
      return Optional.empty();
    }
    String typed = unmatched.getUnmatched().getFirst();
    CommandLine command = e.getCommandLine();
    List<String> known = new ArrayList<>();
    if (typed.startsWith("-")) {
      typed = typed.contains("=") ? typed.substring(0, typed.indexOf('=')) : typed;
      for (OptionSpec option : command.getCommandSpec().options()) {
        if (!option.hidden()) {
          known.addAll(List.of(option.names()));
        }
      }
    } else {
      command.getSubcommands().forEach((name, sub) -> {
        if (!sub.getCommandSpec().usageMessage().hidden()) {
          known.add(name);
        }
      });
    }
    return Spelling.nearest(typed, known);
  }
}
