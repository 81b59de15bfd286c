package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code ferry completion}: a bash completion script that knows every command and option. */
class CompletionCommandTest {

  @Test
  void theScriptCompletesTheCommandsAndTheirOptions() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true),
        "completion")).isZero();
    assertThat(out.toString()).startsWith("#!/usr/bin/env bash")
        .contains("complete -F _complete_ferry", "demo", "migrate", "runs", "--distance-km",
            "--virtualization");
    assertThat(err.toString()).isEmpty();
  }
}
