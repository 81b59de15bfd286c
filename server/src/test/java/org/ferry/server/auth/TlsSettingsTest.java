package org.ferry.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Codifies the TLS settings: a key store made here with the JDK's keytool serves HTTPS through
 * Javalin, and every way of getting the store wrong is named.
 */
class TlsSettingsTest {

  private static final char[] PASSWORD = "s3cret-store".toCharArray();

  @TempDir static Path dir;
  private static Path keyStore;
  private static Path certificateOnly;

  @BeforeAll
  static void makeKeyStores() throws Exception {
    keyStore = dir.resolve("server.p12");
    keytool("-genkeypair", "-alias", "ferry", "-keyalg", "EC", "-groupname", "secp256r1",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keyStore.toString(),
        "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD));
    Path certificate = dir.resolve("server.crt");
    keytool("-exportcert", "-rfc", "-alias", "ferry", "-keystore", keyStore.toString(),
        "-storepass", new String(PASSWORD), "-file", certificate.toString());
    certificateOnly = dir.resolve("trust.p12");
    keytool("-importcert", "-noprompt", "-alias", "ferry", "-file", certificate.toString(),
        "-storetype", "PKCS12", "-keystore", certificateOnly.toString(),
        "-storepass", new String(PASSWORD));
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(process.exitValue()).as("keytool " + String.join(" ", args) + ": " + output)
        .isZero();
  }

  @Test
  void javalinServesHttpsWithTheKeyStore() throws Exception {
    TlsSettings tls = TlsSettings.load(keyStore, PASSWORD);
    assertThat(tls.keyAlias()).isEqualTo("ferry");
    Javalin app = Javalin.create(cfg -> {
      TlsSettings.applyTo(cfg, tls, "127.0.0.1", 0);
      cfg.startup.showJavalinBanner = false;
      cfg.routes.get("/ping", ctx -> ctx.result("pong over " + ctx.scheme()));
    }).start();
    try {
      HttpClient client = HttpClient.newBuilder()
          .sslContext(trusting(tls))
          .connectTimeout(Duration.ofSeconds(10))
          .build();
      HttpResponse<String> response = client.send(
          HttpRequest.newBuilder(URI.create("https://localhost:" + app.port() + "/ping"))
              .timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).isEqualTo("pong over https");
    } finally {
      app.stop();
    }
  }

  /** A client context that trusts exactly the server's self-signed certificate. */
  private static SSLContext trusting(TlsSettings tls) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    trusted.setCertificateEntry("server", tls.keyStore().getCertificate(tls.keyAlias()));
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  @Test
  void aWrongPasswordIsNamedAsSuch() {
    assertThatThrownBy(() -> TlsSettings.load(keyStore, "guess".toCharArray()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--tls-keystore: wrong password for " + keyStore)
        .hasMessageContaining("--tls-password-file").hasMessageContaining("--tls-password-env");
  }

  @Test
  void aMissingFileIsNamed() {
    Path absent = dir.resolve("absent.p12");
    assertThatThrownBy(() -> TlsSettings.load(absent, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("--tls-keystore: no such file " + absent);
  }

  @Test
  void aStoreWithoutAPrivateKeyIsRefused() {
    assertThatThrownBy(() -> TlsSettings.load(certificateOnly, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-keystore").hasMessageContaining("holds no private key");
  }

  @Test
  void aFileThatIsNoKeyStoreIsRefused() throws IOException {
    Path pem = Files.writeString(dir.resolve("server.pem"), "-----BEGIN PRIVATE KEY-----\n");
    assertThatThrownBy(() -> TlsSettings.load(pem, PASSWORD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--tls-keystore").hasMessageContaining("not a PKCS12 or JKS");
  }

  @Test
  void thePasswordComesFromAFileWithoutItsNewline() throws IOException {
    Path file = Files.writeString(dir.resolve("password"), "s3cret-store\n");
    assertThat(KeyStorePassword.read(file, null, name -> null)).isEqualTo(PASSWORD);
    assertThat(TlsSettings.load(keyStore, KeyStorePassword.read(file, null))).isNotNull();
  }

  @Test
  void orFromTheNamedEnvironmentVariable() {
    assertThat(KeyStorePassword.read(null, "FERRY_TLS_PASSWORD",
        name -> name.equals("FERRY_TLS_PASSWORD") ? "s3cret-store" : null)).isEqualTo(PASSWORD);
  }

  @Test
  void eachWayOfGettingThePasswordWrongNamesItsOption() throws IOException {
    assertThatThrownBy(() -> KeyStorePassword.read(null, null, name -> null))
        .hasMessageContaining("--tls-password-file FILE or --tls-password-env NAME");
    assertThatThrownBy(() -> KeyStorePassword.read(dir.resolve("password"), "X", name -> null))
        .hasMessageContaining("not both");
    assertThatThrownBy(() -> KeyStorePassword.read(dir.resolve("nope"), null, name -> null))
        .hasMessage("--tls-password-file: no such file " + dir.resolve("nope"));
    assertThatThrownBy(() -> KeyStorePassword.read(null, "FERRY_TLS_PASSWORD", name -> null))
        .hasMessage("--tls-password-env: the environment variable FERRY_TLS_PASSWORD is not set");
    Path empty = Files.writeString(dir.resolve("empty"), "\n");
    assertThatThrownBy(() -> KeyStorePassword.read(empty, null, name -> null))
        .hasMessageContaining("is empty");
  }
}
