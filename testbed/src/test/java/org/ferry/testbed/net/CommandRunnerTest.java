package org.ferry.testbed.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process runner: argument vectors, timeouts, errors that name the command. */
class CommandRunnerTest {

  private final CommandRunner run = new CommandRunner(Duration.ofSeconds(5));

  @Test
  void returnsStdout() {
    assertThat(run.run("echo", "a b")).isEqualTo("a b\n");
  }

  @Test
  void anArgumentIsNeverParsedByAShell() {
    assertThat(run.run("echo", "$(id); rm -rf /nonexistent")).isEqualTo("$(id); rm -rf /nonexistent\n");
  }

  @Test
  void aFailureNamesTheCommandAndQuotesStderr() {
    assertThatThrownBy(() -> run.run("ls", "/no/such/path"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageStartingWith("ls /no/such/path: exit ")
        .hasMessageContaining("No such file or directory");
  }

  @Test
  void aCommandThatHangsIsStoppedAtTheTimeout() {
    CommandRunner quick = new CommandRunner(Duration.ofMillis(200));
    assertThatThrownBy(() -> quick.run("sleep", "10"))
        .isInstanceOf(CommandFailedException.class)
        .hasMessage("sleep 10: no answer within 200 ms");
  }

  @Test
  void aMissingProgramSaysSo() {
    assertThatThrownBy(() -> run.attempt(List.of("ferry-no-such-program")))
        .isInstanceOf(CommandFailedException.class)
        .hasMessageContaining("ferry-no-such-program: cannot start");
  }
}
