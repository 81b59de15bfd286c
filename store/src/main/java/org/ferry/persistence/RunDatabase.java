package org.ferry.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.pattern.ValidatePattern;

/**
 * The database the runs are kept in: a pool of connections to an H2 or PostgreSQL database,
 * whose schema Flyway has brought to this Ferry's version. {@link #open} either gives a
 * database ready for use or throws, so that a server never starts on half a store.
 */
public final class RunDatabase implements AutoCloseable {

  /** Where the migrations are, on the class path. */
  static final String MIGRATIONS = "classpath:db/ferry";

  private final HikariDataSource pool;
  private final String url;

  private RunDatabase(HikariDataSource pool, String url) {
    this.pool = pool;
    this.url = url;
  }

  /**
   * How to reach a database.
   *
   * @param url {@code jdbc:h2:...} or {@code jdbc:postgresql://...}
   * @param user the user, or empty for the driver's default (H2's is "")
   * @param password the password, or empty
   * @param connectTimeout how long to wait for a connection before giving up
   */
  public record Target(String url, Optional<String> user, Optional<String> password,
      Duration connectTimeout) {
    public Target {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (!url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
        throw new IllegalArgumentException("the run database must be jdbc:h2:... or"
            + " jdbc:postgresql://HOST:PORT/DB, got '" + redacted(url) + "'");
      }
    }

    /** A database without credentials, waiting up to 10 s for a connection. */
    public static Target of(String url) {
      return new Target(url, Optional.empty(), Optional.empty(), Duration.ofSeconds(10));
    }

    /**
     * The H2 file database in {@code directory}, as {@code ferry-runs.mv.db}. The JVM's exit does
     * not close it (the server closes it after draining its runs), and each commit is written at
     * once rather than within H2's default half second, so that an event appended is on disk.
     */
    public static Target h2File(Path directory) {
      return of("jdbc:h2:file:" + directory.toAbsolutePath().resolve("ferry-runs")
          + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0");
    }

    public Target withCredentials(Optional<String> newUser, Optional<String> newPassword) {
      return new Target(url, newUser, newPassword, connectTimeout);
    }
  }

  /**
   * Connects and migrates the schema to this Ferry's version.
   *
   * @throws RunDatabaseException naming the URL and the cause, if the database cannot be
   *     reached, refuses the login, or holds a schema newer than this Ferry knows; nothing is
   *     left open then
   */
  public static RunDatabase open(Target target) {
    String shown = redacted(target.url());
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(target.url());
    target.user().ifPresent(config::setUsername);
    target.password().ifPresent(config::setPassword);
    config.setConnectionTimeout(Math.max(250, target.connectTimeout().toMillis()));
    config.setPoolName("ferry-runs");
    config.setMaximumPoolSize(4);
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new RunDatabaseException("cannot reach the run database at " + shown + ": "
          + rootMessage(e) + "; check that it runs and accepts this user, or give another"
          + " with --db", e);
    }
    try {
      migrate(pool, shown);
      return new RunDatabase(pool, shown);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  private static void migrate(DataSource pool, String shown) {
    Flyway flyway = Flyway.configure()
        .dataSource(pool)
        .locations(MIGRATIONS)
        // Flyway's default ignores applied migrations this code does not know ("future"): a
        // schema newer than the code must stop the server instead, before it writes to it.
        .ignoreMigrationPatterns(new ValidatePattern[0])
        .load();
    try {
      String newer = Arrays.stream(flyway.info().applied())
          .filter(m -> m.getState() == MigrationState.FUTURE_SUCCESS
              || m.getState() == MigrationState.FUTURE_FAILED)
          .map(MigrationInfo::getVersion).map(Object::toString)
          .collect(Collectors.joining(", "));
      if (!newer.isEmpty()) {
        throw new RunDatabaseException("the run database at " + shown + " has schema version "
            + newer + ", newer than this Ferry knows: run the Ferry that wrote it, or give"
            + " another database with --db");
      }
      flyway.migrate();
    } catch (FlywayException e) {
      throw new RunDatabaseException("cannot bring the run database at " + shown
          + " to this Ferry's schema: " + rootMessage(e), e);
    }
  }

  /** Connections to the database; each is the caller's to close. */
  DataSource dataSource() {
    return pool;
  }

  /** The URL, without any password in it. */
  public String url() {
    return url;
  }

  /** An error of a statement, as this store reports it. */
  RunDatabaseException failed(String what, SQLException e) {
    return new RunDatabaseException("run database at " + url + ": cannot " + what + ": "
        + e.getMessage(), e);
  }

  @Override
  public void close() {
    pool.close();
  }

  /** A URL fit for an error message: a password given in it is masked. */
  static String redacted(String url) {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName()
        : root.getMessage();
    return message.lines().map(String::strip).filter(l -> !l.isEmpty())
        .collect(Collectors.joining(" "));
  }
}
