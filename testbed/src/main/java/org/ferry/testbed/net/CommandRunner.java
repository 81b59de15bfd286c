package org.ferry.testbed.net;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Runs the testbed's plumbing ({@code ip}, {@code tc}, {@code iptables}, ...) as argument vectors,
 * never through a shell, each with a timeout. A failure names the command and what it wrote on
 * stderr.
 */
public final class CommandRunner {

  /** What a finished command left. */
  public record Result(int exitCode, String stdout, String stderr) {}

  private static final File DEV_NULL = new File("/dev/null");
  /** One thread per stream: the common pool has a single thread on a 2-core machine. */
  private static final Executor READERS = task -> Thread.ofVirtual().start(task);

  private final Duration timeout;

  public CommandRunner(Duration timeout) {
    this.timeout = timeout;
  }

  public static CommandRunner withDefaultTimeout() {
    return new CommandRunner(Duration.ofSeconds(20));
  }

  /** Runs a command and returns its stdout; throws if it fails or times out. */
  public String run(String... argv) {
    Result result = attempt(List.of(argv));
    if (result.exitCode() != 0) {
      throw new CommandFailedException(
          List.of(argv), "exit " + result.exitCode() + ": " + result.stderr().strip());
    }
    return result.stdout();
  }

  /** Runs a command and returns what happened, whatever its exit code; throws on a timeout. */
  public Result attempt(List<String> argv) {
    Process process = start(argv);
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new CommandFailedException(argv, "no answer within " + timeout.toMillis() + " ms");
      }
      return new Result(process.exitValue(), out.join(), err.join());
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new CommandFailedException(argv, "interrupted", e);
    }
  }

  /**
   * Starts a long-running command in the background, its input from /dev/null and its output to
   * {@code log}, so that it never blocks on a full pipe. The caller stops it by its PID.
   */
  public static Process startBackground(List<String> argv, Path log) {
    try {
      return new ProcessBuilder(argv)
          .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
          .redirectErrorStream(true)
          .start();
    } catch (IOException e) {
      throw new CommandFailedException(argv, "cannot start: " + e.getMessage(), e);
    }
  }

  private static Process start(List<String> argv) {
    try {
      return new ProcessBuilder(argv).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
    } catch (IOException e) {
      throw new CommandFailedException(argv, "cannot start: " + e.getMessage(), e);
    }
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(
        () -> {
          try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            return "";
          }
        },
        READERS);
  }
}
