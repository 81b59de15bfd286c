package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.ferry.app.FerryCli;
import org.junit.jupiter.api.Test;

/** Under a locale that cannot show µ (LANG=C), the demo writes us instead of ?s. */
class MicroSignFallbackTest {

  @Test
  void anAsciiOutputGetsUsForMicroseconds() {
    StringWriter text = new StringWriter();
    PrintWriter ascii = MicroSignFallback.forCharset(new PrintWriter(text, true),
        StandardCharsets.US_ASCII);
    assertThat(FerryCli.run(ascii, new PrintWriter(new StringWriter()), "demo")).isZero();
    assertThat(text.toString()).contains("one-way 395.0 us").doesNotContain("\u00b5");
  }

  @Test
  void aUtf8OutputKeepsTheMicroSign() {
    StringWriter text = new StringWriter();
    PrintWriter utf8 = new PrintWriter(text, true);
    assertThat(MicroSignFallback.forCharset(utf8, StandardCharsets.UTF_8)).isSameAs(utf8);
    assertThat(FerryCli.run(utf8, new PrintWriter(new StringWriter()), "demo")).isZero();
    assertThat(text.toString()).contains("one-way 395.0 \u00b5s");
  }
}
