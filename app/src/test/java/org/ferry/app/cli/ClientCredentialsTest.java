package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a client command finds its API token, and what it says when it finds none. */
class ClientCredentialsTest {

  private static final String TOKEN = "ferry_0123456789abcdef_" + "A".repeat(43);

  @TempDir Path dir;
  private final ClientCredentials credentials = new ClientCredentials();

  @Test
  void theEnvironmentVariableComesFirst() throws IOException {
    credentials.tokenFile = Files.writeString(dir.resolve("token"), "ferry_other\n");
    assertThat(credentials.token(Map.of("FERRY_TOKEN", TOKEN)::get)).isEqualTo(TOKEN);
  }

  @Test
  void elseTheTokenFileWithoutItsNewline() throws IOException {
    credentials.tokenFile = Files.writeString(dir.resolve("token"), TOKEN + "\n");
    assertThat(credentials.token(Map.<String, String>of()::get)).isEqualTo(TOKEN);
    assertThat(credentials.token(Map.of("FERRY_TOKEN", " ")::get)).as("blank counts as unset")
        .isEqualTo(TOKEN);
  }

  @Test
  void neitherIsAnErrorNamingBoth() {
    assertThatThrownBy(() -> credentials.token(Map.<String, String>of()::get))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("FERRY_TOKEN").hasMessageContaining("--token-file FILE");
  }

  @Test
  void aMissingOrEmptyTokenFileIsNamed() throws IOException {
    credentials.tokenFile = dir.resolve("absent");
    assertThatThrownBy(() -> credentials.token(Map.<String, String>of()::get))
        .hasMessage("--token-file: no such file " + dir.resolve("absent"));
    credentials.tokenFile = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> credentials.token(Map.<String, String>of()::get))
        .hasMessageContaining("is empty");
  }
}
