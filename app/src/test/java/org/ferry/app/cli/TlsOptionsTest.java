package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The TLS options as a server command would take them (the HTTPS round trip is the server's). */
class TlsOptionsTest {

  @Command(name = "serve")
  static final class Serve {
    @Mixin TlsOptions tls;
  }

  @TempDir Path dir;

  private static TlsOptions parse(String... args) {
    Serve serve = new Serve();
    new CommandLine(serve).parseArgs(args);
    return serve.tls;
  }

  @Test
  void withoutAKeyStoreTheServerSpeaksPlainHttp() {
    assertThat(parse().settings()).isEmpty();
  }

  @Test
  void aPasswordWithoutAKeyStoreIsAMistake() {
    assertThatThrownBy(() -> parse("--tls-password-env", "X").settings())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--tls-keystore");
  }

  @Test
  void aKeyStoreWithoutAPasswordNamesBothPasswordOptions() {
    assertThatThrownBy(() -> parse("--tls-keystore", "server.p12").settings())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-password-file").hasMessageContaining("--tls-password-env");
  }

  @Test
  void aMissingKeyStoreIsNamed() throws IOException {
    Path password = Files.writeString(dir.resolve("password"), "secret\n");
    Path absent = dir.resolve("absent.p12");
    assertThatThrownBy(() -> parse("--tls-keystore", absent.toString(),
        "--tls-password-file", password.toString()).settings())
        .hasMessage("--tls-keystore: no such file " + absent);
  }
}
