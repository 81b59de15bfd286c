package org.ferry.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * Where the TLS key store's password comes from: a file ({@value #FILE_OPTION}) or an environment
 * variable named by {@value #ENV_OPTION}. Never the command line, where {@code ps} and the shell
 * history would show it.
 */
public final class KeyStorePassword {

  /** The option naming a file that holds the password. */
  public static final String FILE_OPTION = "--tls-password-file";
  /** The option naming an environment variable that holds the password. */
  public static final String ENV_OPTION = "--tls-password-env";

  private KeyStorePassword() {}

  /**
   * The password from exactly one of the two sources, read from the process's environment.
   *
   * @param passwordFile the {@value #FILE_OPTION} value, or null
   * @param environmentVariable the {@value #ENV_OPTION} value, or null
   * @throws IllegalArgumentException naming the option, if neither or both are given, the file is
   *     missing, the variable unset, or the password empty
   */
  public static char[] read(Path passwordFile, String environmentVariable) {
    return read(passwordFile, environmentVariable, System::getenv);
  }

  static char[] read(Path passwordFile, String environmentVariable,
      UnaryOperator<String> environment) {
    if (passwordFile == null && environmentVariable == null) {
      throw new IllegalArgumentException("the TLS key store needs its password: give "
          + FILE_OPTION + " FILE or " + ENV_OPTION + " NAME (never the password itself)");
    }
    if (passwordFile != null && environmentVariable != null) {
      throw new IllegalArgumentException(
          "give one of " + FILE_OPTION + " and " + ENV_OPTION + ", not both");
    }
    return passwordFile != null
        ? fromFile(passwordFile)
        : fromEnvironment(environmentVariable, environment);
  }

  private static char[] fromFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(FILE_OPTION + ": no such file " + file);
    } catch (IOException e) {
      throw new UncheckedIOException(FILE_OPTION + ": cannot read " + file + " (" + e + ")", e);
    }
    // `echo secret > file` adds a newline that is not part of the password; other blanks are.
    String password = text.replaceFirst("\\R+\\z", "");
    if (password.isEmpty()) {
      throw new IllegalArgumentException(FILE_OPTION + ": " + file + " is empty");
    }
    return password.toCharArray();
  }

  private static char[] fromEnvironment(String name, UnaryOperator<String> environment) {
    String password = environment.apply(name);
    if (password == null) {
      throw new IllegalArgumentException(
          ENV_OPTION + ": the environment variable " + name + " is not set");
    }
    if (password.isEmpty()) {
      throw new IllegalArgumentException(
          ENV_OPTION + ": the environment variable " + name + " is empty");
    }
    return password.toCharArray();
  }
}
