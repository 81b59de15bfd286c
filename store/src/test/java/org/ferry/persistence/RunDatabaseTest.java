package org.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the run database gives one ready for use, or an error naming the URL and cause. */
class RunDatabaseTest {

  @TempDir Path directory;

  @Test
  void aDatabaseThatCannotBeReachedIsAnErrorNamingItsUrlAndTheCause() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String url = "jdbc:postgresql://127.0.0.1:" + port + "/ferry?password=secret";
    RunDatabase.Target target = new RunDatabase.Target(url, Optional.of("ferry"),
        Optional.empty(), Duration.ofMillis(500));

    assertThatThrownBy(() -> RunDatabase.open(target))
        .isInstanceOf(RunDatabaseException.class)
        .hasMessageContaining("cannot reach the run database at jdbc:postgresql://127.0.0.1:"
            + port + "/ferry?password=***")
        .hasMessageContaining("refused")
        .message().doesNotContain("secret");
  }

  @Test
  void aSchemaNewerThanThisFerryIsRefusedBeforeAnythingIsWritten() throws Exception {
    RunDatabase.Target target = RunDatabase.Target.h2File(directory);
    try (RunDatabase database = RunDatabase.open(target);
        Connection c = database.dataSource().getConnection();
        Statement s = c.createStatement()) {
      // What a later Ferry's second migration would have left.
      s.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
          + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
          + " \"execution_time\", \"success\") VALUES (2, '2', 'later', 'SQL', 'V2__later.sql',"
          + " 0, 'ferry', 1, TRUE)");
    }

    assertThatThrownBy(() -> RunDatabase.open(target))
        .isInstanceOf(RunDatabaseException.class)
        .hasMessageContaining(target.url())
        .hasMessageContaining("schema version 2, newer than this Ferry knows");
  }

  @Test
  void onlyH2AndPostgresqlUrlsAreAccepted() {
    assertThatThrownBy(() -> RunDatabase.Target.of("jdbc:mysql://db/ferry"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:h2:... or jdbc:postgresql://HOST:PORT/DB");
  }

  @Test
  void aReopenedDatabaseIsNotMigratedAgain() {
    RunDatabase.Target target = RunDatabase.Target.h2File(directory);
    RunDatabase.open(target).close();
    try (RunDatabase again = RunDatabase.open(target)) {
      assertThat(again.url()).startsWith("jdbc:h2:file:");
    }
  }
}
