package org.ferry.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.ferry.persistence.RunDatabase;
import picocli.CommandLine.Option;

/**
 * Where {@code ferry server} keeps its runs: {@code --db URL} with its credentials, or by
 * default an H2 file in the data directory. A password is read from a file or the environment,
 * never from the command line, where {@code ps} would show it.
 */
final class RunDatabaseOptions {

  @Option(names = "--db", paramLabel = "URL", description = "The database for the runs:"
      + " jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB (default: an H2 file, DIR/ferry-runs,"
      + " in the data directory)")
  String url;

  @Option(names = "--db-user", paramLabel = "NAME", description = "The database user")
  String user;

  @Option(names = "--db-password-file", paramLabel = "FILE",
      description = "A file whose first line is the database user's password")
  Path passwordFile;

  @Option(names = "--db-password-env", paramLabel = "NAME",
      description = "An environment variable that holds the database user's password")
  String passwordEnv;

  /**
   * The database to open.
   *
   * @param dataDir the server's data directory, where the default H2 file goes
   * @param environment where {@code --db-password-env} is looked up
   * @throws IllegalArgumentException naming the option, for a password given twice, a password
   *     file that cannot be read or a variable that is not set, or a URL of another database
   */
  RunDatabase.Target target(Path dataDir, Map<String, String> environment) {
    if (passwordFile != null && passwordEnv != null) {
      throw new IllegalArgumentException("give the database password once: --db-password-file"
          + " or --db-password-env, not both");
    }
    if (url == null && (user != null || passwordFile != null || passwordEnv != null)) {
      throw new IllegalArgumentException("--db-user and --db-password-* are for a database"
          + " given with --db URL; the default H2 file needs none");
    }
    RunDatabase.Target target = url == null ? RunDatabase.Target.h2File(dataDir)
        : new RunDatabase.Target(url, Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    return target.withCredentials(Optional.ofNullable(user), password(environment));
  }

  private Optional<String> password(Map<String, String> environment) {
    if (passwordFile != null) {
      try {
        return Optional.of(Files.readAllLines(passwordFile).stream().findFirst().orElse(""));
      } catch (IOException e) {
        throw new IllegalArgumentException("--db-password-file " + passwordFile
            + ": cannot read it (" + e.getMessage() + "); give a readable file whose first"
            + " line is the password");
      }
    }
    if (passwordEnv != null) {
      String value = environment.get(passwordEnv);
      if (value == null) {
        throw new IllegalArgumentException("--db-password-env " + passwordEnv + ": no such"
            + " variable in the environment; export it, or use --db-password-file");
      }
      return Optional.of(value);
    }
    return Optional.empty();
  }
}
