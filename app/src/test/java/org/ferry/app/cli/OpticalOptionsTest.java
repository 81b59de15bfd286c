package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The --optical options: where the password comes from, and the CA file. */
class OpticalOptionsTest {

  private static OpticalOptions parse(String... args) {
    OpticalOptions options = new OpticalOptions();
    new CommandLine(options).parseArgs(args);
    return options;
  }

  @Test
  void thePasswordComesFromAFileOrTheEnvironmentElseTheDefault(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("pw");
    Files.writeString(file, "from-file\n");

    assertThat(parse("--optical", "http://127.0.0.1:8181").settings().password())
        .isEqualTo("admin");
    assertThat(parse("--optical", "http://127.0.0.1:8181", "--optical-password-file",
        file.toString()).settings().password()).isEqualTo("from-file");
    OpticalOptions env = parse("--optical", "http://127.0.0.1:8181", "--optical-password-env",
        "TPCE_PW");
    env.environment = Map.of("TPCE_PW", "from-env")::get;
    assertThat(env.settings().password()).isEqualTo("from-env");
  }

  @Test
  void aMissingSourceOrTwoSourcesAreRefusedNamingTheOption(@TempDir Path dir) {
    OpticalOptions unset = parse("--optical", "http://127.0.0.1:8181", "--optical-password-env",
        "NOT_SET_ANYWHERE");
    unset.environment = name -> null;
    assertThatThrownBy(unset::settings)
        .hasMessageContaining("the environment variable NOT_SET_ANYWHERE is not set");
    assertThatThrownBy(() -> parse("--optical", "http://127.0.0.1:8181", "--optical-password",
        "x", "--optical-password-env", "Y").settings()).hasMessageContaining("give the password"
        + " once");
    assertThatThrownBy(() -> parse("--optical", "http://127.0.0.1:8181",
        "--optical-password-file", dir.resolve("none").toString()).settings())
        .hasMessageContaining("--optical-password-file " + dir.resolve("none")
            + " cannot be read");
  }

  @Test
  void aCaFileGoesWithAnHttpsUrl(@TempDir Path dir) {
    Path ca = dir.resolve("ca.pem");

    assertThat(parse("--optical", "https://odl.example:8443", "--optical-ca-file",
        ca.toString()).settings().caFile()).contains(ca);
    assertThatThrownBy(() -> parse("--optical", "http://127.0.0.1:8181", "--optical-ca-file",
        ca.toString()).settings()).hasMessageContaining("is for an https:// address");
  }
}
