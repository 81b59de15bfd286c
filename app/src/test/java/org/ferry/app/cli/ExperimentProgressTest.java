package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The sweep's progress: a bar on a terminal, a line every 10 % in a log file. */
class ExperimentProgressTest {

  private static String progress(boolean terminal, int total) {
    StringWriter err = new StringWriter();
    ExperimentCommand.ProgressBar bar =
        new ExperimentCommand.ProgressBar(new PrintWriter(err), total, terminal);
    for (int done = 1; done <= total; done++) {
      bar.update(done);
    }
    bar.finish();
    return err.toString();
  }

  @Test
  void notOnATerminalItIsTenPlainLines() {
    String log = progress(false, 288);
    assertThat(log).doesNotContain("\r").doesNotContain("#");
    assertThat(log.lines().toList()).hasSize(10).startsWith("29/288 runs (10 %)")
        .endsWith("288/288 runs (100 %)");
  }

  @Test
  void onATerminalItIsOneBarRedrawnInPlace() {
    String screen = progress(true, 288);
    assertThat(screen.chars().filter(c -> c == '\n').count()).as("one line").isEqualTo(1);
    assertThat(screen).contains("\r[" + "#".repeat(40) + "] 288/288 runs");
  }
}
