package org.ferry.app.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Writes the micro sign as {@code u} (so {@code µs} as {@code us}, the usual ASCII spelling) where
 * the output's charset cannot show it, such as a terminal under {@code LANG=C}, which would show
 * {@code ?s}. Ferry's texts are otherwise ASCII.
 */
public final class MicroSignFallback extends FilterWriter {

  private static final char MICRO_SIGN = '\u00b5';
  private static final char GREEK_MU = '\u03bc';

  private MicroSignFallback(Writer out) {
    super(out);
  }

  /**
   * {@code out} as it is if {@code charset} can encode the micro sign, else through the
   * fallback.
   */
  public static PrintWriter forCharset(PrintWriter out, Charset charset) {
    return charset.newEncoder().canEncode(MICRO_SIGN) ? out
        : new PrintWriter(new MicroSignFallback(out), true);
  }

  /**
   * The charset the process's standard output is read in: the terminal's ({@code
   * stdout.encoding}) or else the locale's ({@code native.encoding}); UTF-8 if neither is known.
   */
  public static Charset ofStandardOutput() {
    String name = System.getProperty("stdout.encoding", System.getProperty("native.encoding"));
    try {
      return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
    } catch (IllegalArgumentException e) { // an unsupported or malformed name
      return StandardCharsets.UTF_8;
    }
  }

  @Override
  public void write(int c) throws IOException {
    super.write(c == MICRO_SIGN || c == GREEK_MU ? 'u' : c);
  }

  @Override
  public void write(char[] chars, int offset, int length) throws IOException {
    for (int i = offset; i < offset + length; i++) {
      write(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int length) throws IOException {
    write(text.toCharArray(), offset, length);
  }
}
