package org.ferry.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL database the tests may use, from the environment: {@value #URL} (a JDBC URL),
 * {@value #USER} and {@value #PASSWORD}. {@code scripts/postgres-for-tests.sh start} starts a
 * server of its own and prints them; {@code .ci/run} does so.
 */
final class PostgresTarget {

  static final String URL = "FERRY_TEST_POSTGRES_URL";
  static final String USER = "FERRY_TEST_POSTGRES_USER";
  static final String PASSWORD = "FERRY_TEST_POSTGRES_PASSWORD";

  private static boolean told;

  private PostgresTarget() {}

  /** The database, or the test is skipped, saying how to run it. */
  static synchronized RunDatabase.Target required() {
    String url = System.getenv(URL);
    if (url == null || url.isBlank()) {
      String why = URL + " is not set, so the PostgreSQL store tests skip; to run them:"
          + " eval \"$(sudo scripts/postgres-for-tests.sh start)\", run the tests, then"
          + " sudo scripts/postgres-for-tests.sh stop";
      if (!told) {
        System.out.println("SKIPPED: " + why);
        told = true;
      }
      Assumptions.abort(why);
    }
    return new RunDatabase.Target(url, Optional.ofNullable(System.getenv(USER)),
        Optional.ofNullable(System.getenv(PASSWORD)), Duration.ofSeconds(10));
  }

  /** Drops Ferry's tables, so that a test starts on an empty database. */
  static void empty(RunDatabase.Target target) throws SQLException {
    try (Connection c = DriverManager.getConnection(target.url(), target.user().orElse(null),
            target.password().orElse(null));
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS run_events, run_vnfs, runs, flyway_schema_history"
          + " CASCADE");
    }
  }
}
