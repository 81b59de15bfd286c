package org.ferry.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.ferry.app.FerryCli;
import org.ferry.server.auth.FileTokenAuthenticator;
import org.ferry.server.auth.Role;
import org.ferry.server.auth.TokenStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry token} as a user meets it: what goes to stdout, stderr and the exit code. */
class TokenCommandTest {

  @TempDir Path dir;
  private StringWriter out = new StringWriter();
  private StringWriter err = new StringWriter();

  private int ferry(String... args) {
    out = new StringWriter();
    err = new StringWriter();
    return FerryCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private String create(String role, String label) {
    assertThat(ferry("token", "create", "--role", role, "--label", label,
        "--data-dir", dir.toString())).as(err.toString()).isZero();
    return out.toString().strip();
  }

  @Test
  void createPrintsTheTokenAloneOnStdoutAndWarnsOnStderr() {
    assertThat(ferry("token", "create", "--role", "operator", "--data-dir", dir.toString()))
        .isZero();

    assertThat(out.toString()).matches("ferry_[0-9a-f]{16}_[A-Za-z0-9_-]{43}\\R");
    assertThat(err.toString()).contains("will not be shown again");
    assertThat(new FileTokenAuthenticator(new TokenStore(dir))
        .authenticate(out.toString().strip())).contains(Role.OPERATOR);
  }

  @Test
  void listShowsIdRoleAndLabelButNoSecret() {
    String token = create("admin", "on-call");
    String id = token.split("_")[1];
    String secret = token.substring(("ferry_" + id + "_").length());

    assertThat(ferry("token", "list", "--data-dir", dir.toString())).isZero();
    assertThat(out.toString()).startsWith("ID").contains(id, "admin", "on-call")
        .doesNotContain(secret);
  }

  @Test
  void revokeRemovesTheToken() {
    String token = create("viewer", "grafana");
    String id = token.split("_")[1];

    assertThat(ferry("token", "revoke", id, "--data-dir", dir.toString())).isZero();
    assertThat(ferry("token", "list", "--data-dir", dir.toString())).isZero();
    assertThat(out.toString()).doesNotContain(id);
    assertThat(new FileTokenAuthenticator(new TokenStore(dir)).authenticate(token)).isEmpty();
  }

  @Test
  void revokingAnUnknownIdIsBadInput() {
    assertThat(ferry("token", "revoke", "0123456789abcdef", "--data-dir", dir.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("no token with id '0123456789abcdef'", "ferry token list");
  }

  @Test
  void aBadRoleExitsTwoNamingTheOptionAndTheRoles() {
    assertThat(ferry("token", "create", "--role", "root", "--data-dir", dir.toString()))
        .isEqualTo(2);
    assertThat(out.toString()).isEmpty();
    assertThat(err.toString()).contains("--role", "viewer, operator, admin");
  }

  @Test
  void theRoleIsRequired() {
    assertThat(ferry("token", "create", "--data-dir", dir.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--role");
  }
}
