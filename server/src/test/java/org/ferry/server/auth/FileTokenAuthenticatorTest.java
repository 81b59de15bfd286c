package org.ferry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Codifies the authenticator's contract: who gets in, who does not, and how fast. */
class FileTokenAuthenticatorTest {

  @TempDir Path dir;
  private SecretHasher hasher;
  private TokenStore store;

  @BeforeEach
  void lowCostStore() {
    hasher = new SecretHasher(4);
    store = new TokenStore(dir, Clock.systemUTC(), hasher);
  }

  @Test
  void aValidTokenYieldsItsRole() {
    IssuedToken operator = store.create(Role.OPERATOR, null);
    IssuedToken admin = store.create(Role.ADMIN, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);

    assertThat(authenticator.authenticate(operator.token())).contains(Role.OPERATOR);
    assertThat(authenticator.authenticate(admin.token())).contains(Role.ADMIN);
  }

  @Test
  void anythingElseYieldsNothingAndThrowsNothing() {
    IssuedToken issued = store.create(Role.ADMIN, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    String id = issued.info().id();
    String wrongSecret = "ferry_" + id + "_" + TokenText.newSecret();
    String unknownId = "ferry_0123456789abcdef_" + issued.token().substring(23);

    assertThat(authenticator.authenticate(wrongSecret)).as("wrong secret").isEmpty();
    assertThat(authenticator.authenticate(unknownId)).as("unknown id").isEmpty();
    assertThat(authenticator.authenticate("garbage")).isEmpty();
    assertThat(authenticator.authenticate("")).isEmpty();
    assertThat(authenticator.authenticate(null)).isEmpty();
    assertThat(authenticator.authenticate(issued.token() + "x")).as("one character more")
        .isEmpty();
    assertThat(authenticator.authenticate(issued.token().substring(1))).isEmpty();
    assertThat(authenticator.authenticate(issued.token())).as("still fine").contains(Role.ADMIN);
  }

  @Test
  void anUnknownIdCostsABcryptCheckLikeAWrongSecret() {
    IssuedToken issued = store.create(Role.VIEWER, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);

    long before = hasher.checks();
    authenticator.authenticate("ferry_0123456789abcdef_" + issued.token().substring(23));
    assertThat(hasher.checks() - before).isEqualTo(1);
  }

  @Test
  void repeatedChecksOfAGoodTokenCostOneBcrypt() {
    IssuedToken issued = store.create(Role.VIEWER, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);

    long before = hasher.checks();
    for (int i = 0; i < 100; i++) {
      assertThat(authenticator.authenticate(issued.token())).contains(Role.VIEWER);
    }
    assertThat(hasher.checks() - before).isEqualTo(1);
  }

  @Test
  void aWrongSecretForACachedIdFailsAndLeavesTheGoodEntry() {
    IssuedToken issued = store.create(Role.VIEWER, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    authenticator.authenticate(issued.token());

    String forged = "ferry_" + issued.info().id() + "_" + TokenText.newSecret();
    assertThat(authenticator.authenticate(forged)).isEmpty();
    long before = hasher.checks();
    assertThat(authenticator.authenticate(issued.token())).contains(Role.VIEWER);
    assertThat(hasher.checks()).as("still cached").isEqualTo(before);
  }

  @Test
  void aRevokedTokenFailsAtOnceEvenAfterItWasCached() {
    IssuedToken issued = store.create(Role.OPERATOR, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    assertThat(authenticator.authenticate(issued.token())).contains(Role.OPERATOR);
    assertThat(authenticator.cachedTokens()).isEqualTo(1);

    store.revoke(issued.info().id());
    assertThat(authenticator.authenticate(issued.token())).isEmpty();
  }

  @Test
  void aRevokeByAnotherProcessIsSeenToo() {
    IssuedToken issued = store.create(Role.OPERATOR, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    assertThat(authenticator.authenticate(issued.token())).contains(Role.OPERATOR);

    // What `ferry token revoke` does: its own store on the same directory.
    new TokenStore(dir, Clock.systemUTC(), new SecretHasher(4)).revoke(issued.info().id());
    assertThat(authenticator.authenticate(issued.token())).isEmpty();
  }

  @Test
  void revokeOneCreateAnotherInOneBreathStillRevokes() {
    // Same file size before and after, and likely the same clock tick and a reused inode.
    IssuedToken first = store.create(Role.VIEWER, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    assertThat(authenticator.authenticate(first.token())).isPresent();

    for (int round = 0; round < 20; round++) {
      IssuedToken next = store.create(Role.VIEWER, null);
      store.revoke(first.info().id());
      assertThat(authenticator.authenticate(first.token())).as("round " + round).isEmpty();
      assertThat(authenticator.authenticate(next.token())).isPresent();
      first = next;
    }
  }

  @Test
  void aTokenCreatedAfterStartIsAccepted() {
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    IssuedToken later = store.create(Role.ADMIN, null);
    assertThat(authenticator.authenticate(later.token())).contains(Role.ADMIN);
  }

  @Test
  void theCacheIsBounded() {
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store, 2);
    for (int i = 0; i < 3; i++) {
      authenticator.authenticate(store.create(Role.VIEWER, null).token());
    }
    IssuedToken a = store.create(Role.VIEWER, null);
    IssuedToken b = store.create(Role.VIEWER, null);
    IssuedToken c = store.create(Role.VIEWER, null);
    authenticator.authenticate(a.token());
    authenticator.authenticate(b.token());
    authenticator.authenticate(c.token());
    assertThat(authenticator.cachedTokens()).isEqualTo(2);
  }

  @Test
  void aDamagedFileStopsTheStartAndLaterRefusesEveryone() throws IOException {
    IssuedToken issued = store.create(Role.ADMIN, null);
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    assertThat(authenticator.authenticate(issued.token())).contains(Role.ADMIN);

    Files.writeString(store.file(), "{ damaged");
    assertThat(authenticator.authenticate(issued.token())).as("closed, not open").isEmpty();
    assertThatThrownBy(() -> new FileTokenAuthenticator(store))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(store.file().toString());
  }

  @Test
  void noFileMeansNobodyGetsIn() {
    FileTokenAuthenticator authenticator = new FileTokenAuthenticator(store);
    assertThat(authenticator.authenticate("ferry_0123456789abcdef_" + TokenText.newSecret()))
        .isEqualTo(Optional.empty());
  }
}
