package org.ferry.compute.criu;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ferry.testbed.net.CommandFailedException;
import org.ferry.testbed.net.CommandRunner;

/**
 * The outside commands the CRIU driver runs, through the testbed's {@link CommandRunner}, each
 * with its own time-out; a failure names the command and quotes its stderr. Processes are killed
 * by PID, with their descendants, never by name.
 */
final class Processes {

  private Processes() {}

  /** Runs a command; throws, quoting its stderr, if it fails or outlives {@code timeout}. */
  static CommandRunner.Result run(Duration timeout, List<String> argv) {
    CommandRunner.Result result = attempt(timeout, argv);
    if (result.exitCode() != 0) {
      throw new CommandFailedException(argv, "exit " + result.exitCode() + quote(result.stderr()));
    }
    return result;
  }

  /** Runs a command whatever its exit code; throws only if it outlives {@code timeout}. */
  static CommandRunner.Result attempt(Duration timeout, List<String> argv) {
    return new CommandRunner(timeout).attempt(argv);
  }

  /** Runs {@code argv} with arguments appended. */
  static List<String> argv(String first, String... rest) {
    List<String> argv = new ArrayList<>();
    argv.add(first);
    argv.addAll(List.of(rest));
    return argv;
  }

  /** Kills a process and its descendants by PID, and waits for it a little. */
  static void kill(Process process) {
    kill(process.toHandle());
  }

  /** Kills a process and its descendants by PID, and waits for it a little. */
  static void kill(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    // poll rather than onExit(): for a process that is not our child (a daemonized CRIU page
    // server) the JDK notices the exit only after a back-off of up to seconds
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (handle.isAlive() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(2);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  static String quote(String stderr) {
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
