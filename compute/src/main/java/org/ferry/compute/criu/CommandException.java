package org.ferry.compute.criu;

import java.util.List;

/** An outside command failed: names the command and quotes the end of its stderr. */
public class CommandException extends RuntimeException {

  private final List<String> command;
  private final String stderr;

  public CommandException(List<String> command, String what, String stderr) {
    super("`" + String.join(" ", command) + "` " + what + quote(stderr));
    this.command = List.copyOf(command);
    this.stderr = stderr == null ? "" : stderr;
  }

  public List<String> command() {
    return command;
  }

  public String stderr() {
    return stderr;
  }

  private static String quote(String stderr) {
    if (stderr == null || stderr.isBlank()) {
      return "";
    }
    String text = stderr.strip();
    if (text.length() > 1500) {
      text = "..." + text.substring(text.length() - 1500);
    }
    return ": \"" + text + "\"";
  }
}
