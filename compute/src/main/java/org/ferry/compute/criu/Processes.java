package org.ferry.compute.criu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /** The time-out of the quick commands: {@code ip}, {@code nsenter} into a container, sysctl. */
  static final Duration IP_TIMEOUT = Duration.ofSeconds(10);

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

  /** Starts a command in the background, its output to {@code log}. */
  static Process background(List<String> argv, Path log) {
    return CommandRunner.startBackground(argv, log);
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

  /** Whether a process exists and is neither a zombie nor dead, stopped or traced (/proc says). */
  static boolean running(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      char state = stat.charAt(stat.lastIndexOf(')') + 2);
      return state != 'Z' && state != 'X' && state != 'T' && state != 't';
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** A process's resident memory in bytes, or 0 if /proc does not say. */
  static long residentBytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // fall through
    }
    return 0;
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
