package org.ferry.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code ferry man}: the man page ferry(1), in troff, with every command and option. */
class ManCommandTest {

  @Test
  void thePageHasEveryCommandItsOptionsAndTheirDefaults() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "man"))
        .isZero();
    String page = out.toString();
    assertThat(page).startsWith(".TH FERRY 1 ")
        .contains(".SH NAME\nferry \\- Keeps a virtualized mobile core")
        .contains(".SS ferry demo", ".SS ferry runs list", ".SS ferry bench server")
        .contains("\\fB\\-\\-distance\\-km\\fR=\\fIKM\\fR")
        .contains("(default: 50)")
        .doesNotContain("${DEFAULT-VALUE}");
    assertThat(page.lines().filter(l -> l.startsWith(".") || l.startsWith("'")))
        .as("every line that starts with a dot is a request")
        .allMatch(l -> l.matches("^\\.(TH|SH|SS|PP|TP|B) ?.*"));
    assertThat(err.toString()).isEmpty();
  }
}
