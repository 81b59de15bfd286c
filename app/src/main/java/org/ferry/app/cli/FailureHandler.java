package org.ferry.app.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.IOException;
import org.ferry.app.client.ApiException;
import org.ferry.inventory.InventoryException;
import org.ferry.workflow.RejectedRequestException;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command threw into the line a user reads and the exit code.
 *
 * <p>Expected failures keep their own message, which says what to change: bad input
 * ({@link IllegalArgumentException}, {@link RejectedRequestException}, {@link InventoryException})
 * exits 2; a server's answer ({@link ApiException}) exits with the code it carries; a state of the
 * world that stops the run ({@link IllegalStateException}, an I/O failure) exits 1. Anything else
 * is a bug in Ferry, whose bare message (a NullPointerException's, say) would mean nothing to a
 * user: it is shown as an internal error naming its type, exit 1. With {@code --debug} on any
 * command, or {@code FERRY_LOG=DEBUG}, the stack trace follows in every case.
 */
public final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

  /** The option, on every command, that asks for the stack trace. */
  public static final String DEBUG_OPTION = "--debug";

  private final boolean debugByEnvironment;

  /** @param ferryLog the value of FERRY_LOG, or null if unset */
  public FailureHandler(String ferryLog) {
    this.debugByEnvironment = "DEBUG".equalsIgnoreCase(ferryLog)
        || "TRACE".equalsIgnoreCase(ferryLog);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    PrintWriter err = command.getErr();
    boolean debug = debugByEnvironment || debugAskedFor(parsed);
    Integer expectedExit = expectedExitCode(e);
    if (expectedExit != null) {
      err.println("ferry: " + e.getMessage());
    } else {
      err.println("ferry: internal error: " + e.getClass().getName() + ": " + e.getMessage()
          + (debug ? "" : " (run with --debug, or FERRY_LOG=DEBUG, for the stack trace)"));
    }
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return expectedExit != null ? expectedExit : 1;
  }

  /** The exit code of a failure Ferry expects, or null for one it does not (a bug). */
  static Integer expectedExitCode(Exception e) {
    if (e instanceof ApiException refused) {
      return refused.exitCode();
    }
    if (e instanceof IllegalArgumentException || e instanceof RejectedRequestException
        || e instanceof InventoryException) {
      return 2;
    }
    if (e instanceof IllegalStateException || e instanceof UncheckedIOException
        || e instanceof IOException || e instanceof InterruptedException) {
      return 1;
    }
    return null;
  }

  private static boolean debugAskedFor(ParseResult parsed) {
    for (ParseResult level = parsed; level != null; level = level.subcommand()) {
      if (level.hasMatchedOption(DEBUG_OPTION)) {
        return true;
      }
    }
    return false;
  }
}
