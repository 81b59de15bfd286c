package org.ferry.testbed.net;

import java.util.List;

/** A command of the testbed's plumbing failed, timed out or could not start. */
public class CommandFailedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> command;

  public CommandFailedException(List<String> command, String message) {
    super(String.join(" ", command) + ": " + message);
    this.command = List.copyOf(command);
  }

  public CommandFailedException(List<String> command, String message, Throwable cause) {
    super(String.join(" ", command) + ": " + message, cause);
    this.command = List.copyOf(command);
  }

  /** The command, as run. */
  public List<String> command() {
    return command;
  }
}
