package org.ferry.compute.criu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs outside commands ({@code criu}, {@code ip}, {@code nsenter}) with a time-out. A command
 * that fails or times out raises a {@link CommandException} naming the command and quoting its
 * stderr. A command still running at its time-out is killed by its PID (with its descendants).
 */
public class CommandRunner {

  /** What a finished command said. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {}

  /**
   * Runs a command to its end.
   *
   * @throws CommandException if it exits non-zero, cannot start or outlives {@code timeout}
   */
  public Result run(Duration timeout, List<String> command) {
    Result result = runAllowingFailure(timeout, command);
    if (result.exitCode() != 0) {
      throw new CommandException(command, "exited with " + result.exitCode(), result.stderr());
    }
    return result;
  }

  /** Runs a command to its end and returns its result whatever its exit code. */
  public Result runAllowingFailure(Duration timeout, List<String> command) {
    Process process = start(command, Path.of("-"));
    closeQuietly(process);
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(process);
        throw new CommandException(command, "timed out after " + timeout.toMillis() + " ms",
            err.getNow(""));
      }
      return new Result(command, process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      kill(process);
      Thread.currentThread().interrupt();
      throw new CommandException(command, "interrupted", "");
    }
  }

  /**
   * Starts a command in the background; its stdout and stderr go to {@code log} (or are
   * discarded when null) and its stdin is empty.
   */
  public Process startBackground(List<String> command, Path log) {
    Process process = start(command, log);
    closeQuietly(process);
    return process;
  }

  /** Kills a process and its descendants by PID, and waits for it briefly. */
  public static void kill(Process process) {
    kill(process.toHandle());
  }

  /** Kills a process and its descendants by PID, and waits for it briefly. */
  public static void kill(ProcessHandle handle) {
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    try {
      handle.onExit().get(5, TimeUnit.SECONDS);
    } catch (Exception e) {
      // reported by the caller's own check
    }
  }

  private static void closeQuietly(Process process) {
    try {
      process.getOutputStream().close();
    } catch (IOException e) {
      // nothing to write anyway
    }
  }

  private static Process start(List<String> command, Path log) {
    ProcessBuilder builder = new ProcessBuilder(command);
    if (log == null) {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.redirectError(ProcessBuilder.Redirect.DISCARD);
    } else if (!log.toString().equals("-")) {
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.redirectErrorStream(true);
    }
    try {
      return builder.start();
    } catch (IOException e) {
      throw new CommandException(command, "cannot start: " + e.getMessage(), "");
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    return CompletableFuture.supplyAsync(() -> {
      try (in) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        in.transferTo(buffer);
        return buffer.toString(StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }
}
