package org.ferry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codifies the token store: what it keeps, what it never keeps, and how it writes. */
class TokenStoreTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:15:30.250Z");

  @TempDir Path dir;

  /** The lowest BCrypt cost: these tests are about the store, not the hash's strength. */
  private TokenStore store(Path directory) {
    return new TokenStore(directory, Clock.fixed(NOW, ZoneOffset.UTC), new SecretHasher(4));
  }

  @Test
  void createdTokensAreListedAndRevokedOnes() throws IOException {
    TokenStore store = store(dir.resolve("data"));
    IssuedToken ops = store.create(Role.OPERATOR, "ops laptop");
    IssuedToken grafana = store.create(Role.VIEWER, null);

    assertThat(store.list()).containsExactlyInAnyOrder(ops.info(), grafana.info());
    assertThat(ops.info().role()).isEqualTo(Role.OPERATOR);
    assertThat(ops.info().label()).contains("ops laptop");
    assertThat(ops.info().created()).isEqualTo(Instant.parse("2026-12-03T10:15:30Z"));
    assertThat(grafana.info().label()).isEmpty();

    assertThat(store.revoke(ops.info().id())).isTrue();
    assertThat(store.list()).containsExactly(grafana.info());
    assertThat(store.revoke(ops.info().id())).as("already revoked").isFalse();
    assertThat(store(dir.resolve("data")).list()).as("read back by another store")
        .containsExactly(grafana.info());
  }

  @Test
  void aTokenIsPrefixedIdAndA256BitSecret() {
    IssuedToken issued = store(dir).create(Role.ADMIN, null);
    assertThat(issued.token()).matches("ferry_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
    assertThat(issued.token()).startsWith("ferry_" + issued.info().id() + "_");
    assertThat(issued.toString()).doesNotContain(issued.token().substring(23));
  }

  @Test
  void theFileHoldsNeitherTheTokenNorItsSecret() throws IOException {
    TokenStore store = store(dir);
    IssuedToken issued = store.create(Role.ADMIN, "root of trust");
    String secret = issued.token().substring(("ferry_" + issued.info().id() + "_").length());

    String content = Files.readString(store.file());
    assertThat(content).doesNotContain(secret).doesNotContain(issued.token());
    assertThat(content).contains(issued.info().id(), "\"admin\"", "root of trust", "$2y$");
  }

  @Test
  void theFileIsOwnerOnlyAndTheDirectoryToo() throws IOException {
    assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
    Path data = dir.resolve("new").resolve("ferry");
    TokenStore store = store(data);
    store.create(Role.VIEWER, null);
    store.create(Role.VIEWER, null);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data)))
        .isEqualTo("rwx------");
    try (var files = Files.list(data)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .as("no temporary file left behind")
          .containsExactlyInAnyOrder("tokens.json", "tokens.json.lock");
    }
  }

  @Test
  void concurrentCreatesLoseNoToken() throws Exception {
    int threads = 6;
    int perThread = 5;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Callable<List<String>>> jobs = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        // A store each, as separate `ferry token create` runs would have.
        TokenStore own = store(dir);
        jobs.add(() -> {
          List<String> ids = new ArrayList<>();
          for (int i = 0; i < perThread; i++) {
            ids.add(own.create(Role.VIEWER, null).info().id());
          }
          return ids;
        });
      }
      List<String> created = new ArrayList<>();
      for (Future<List<String>> done : pool.invokeAll(jobs)) {
        created.addAll(done.get());
      }
      assertThat(store(dir).list()).extracting(TokenInfo::id)
          .hasSize(threads * perThread)
          .containsExactlyInAnyOrderElementsOf(created);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aBlankLabelIsNoLabelAndABadOneIsRefused() {
    TokenStore store = store(dir);
    assertThat(store.create(Role.VIEWER, "  ").info().label()).isEqualTo(Optional.empty());
    assertThatThrownBy(() -> store.create(Role.VIEWER, "x".repeat(201)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("keep it to 200");
    assertThatThrownBy(() -> store.create(Role.VIEWER, "two\nlines"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("control characters");
  }

  @Test
  void noFileMeansNoTokens() {
    assertThat(store(dir.resolve("absent")).list()).isEmpty();
    assertThat(store(dir.resolve("absent")).revoke("0123456789abcdef")).isFalse();
  }

  @Test
  void aDamagedFileIsReportedByName() throws IOException {
    TokenStore store = store(dir);
    Files.writeString(store.file(), "{ not json");
    assertThatThrownBy(store::list).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(store.file().toString()).hasMessageContaining("not valid JSON");

    Files.writeString(store.file(), "{\"format\": 1, \"tokens\": [{\"id\": \"a\", \"role\": "
        + "\"root\", \"secret_hash\": \"x\", \"created\": \"2026-12-03T10:15:30Z\"}]}");
    assertThatThrownBy(store::list).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("bad entry for token a").hasMessageContaining("unknown role 'root'");

    Files.writeString(store.file(), "{\"format\": 7, \"tokens\": []}");
    assertThatThrownBy(() -> store.create(Role.VIEWER, null))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("format 1");
  }
}
