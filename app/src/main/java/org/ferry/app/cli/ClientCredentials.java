package org.ferry.app.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Option;

/**
 * The API token a client command sends to {@code ferry server} ({@code --server URL} commands):
 * from the {@value #ENVIRONMENT_VARIABLE} environment variable, else from {@code --token-file}.
 * Neither takes the token on the command line, where {@code ps} and the shell history would keep
 * it. Mix it into a command with {@code @Mixin ClientCredentials credentials;}.
 */
public final class ClientCredentials {

  /** The environment variable holding the token. */
  public static final String ENVIRONMENT_VARIABLE = "FERRY_TOKEN";

  @Option(names = "--token-file", paramLabel = "FILE",
      description = "A file holding the API token (from ferry token create); read when"
          + " FERRY_TOKEN is not set")
  Path tokenFile;

  /**
   * The token to send.
   *
   * @throws IllegalArgumentException naming both {@value #ENVIRONMENT_VARIABLE} and {@code
   *     --token-file} if neither gives a token, or naming the file if it is missing or empty
   */
  public String token() {
    return token(System::getenv);
  }

  String token(UnaryOperator<String> environment) {
    String fromEnvironment = environment.apply(ENVIRONMENT_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment.strip();
    }
    if (tokenFile == null) {
      throw new IllegalArgumentException("no API token: set " + ENVIRONMENT_VARIABLE
          + " or give --token-file FILE (create a token with ferry token create --role ROLE)");
    }
    String text;
    try {
      text = Files.readString(tokenFile, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("--token-file: no such file " + tokenFile);
    } catch (IOException e) {
      throw new UncheckedIOException("--token-file: cannot read " + tokenFile, e);
    }
    // A token has no blanks; the file's trailing newline is not part of it.
    String token = text.strip();
    if (token.isEmpty()) {
      throw new IllegalArgumentException("--token-file: " + tokenFile + " is empty");
    }
    return token;
  }
}
