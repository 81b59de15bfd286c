package org.ferry.optical.transportpce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.javalin.Javalin;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.ferry.seam.SouthboundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS for real: a Jetty on loopback with a self-signed certificate made here by keytool, as
 * OpenDaylight ships one. Trusted through the CA file it is read; without it the handshake fails
 * with a message that says to give the CA file.
 */
class HttpsTest {

  @TempDir
  static Path dir;
  static Path keystore;
  static Path certificate;

  Javalin server;
  int port;

  @BeforeAll
  static void makeACertificate() throws Exception {
    keystore = dir.resolve("server.p12");
    certificate = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "odl", "-keyalg", "RSA", "-keysize", "2048",
        "-validity", "2", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "odl", "-keystore", keystore.toString(),
        "-storepass", "changeit", "-file", certificate.toString());
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  @Test
  void aSelfSignedControllerIsReadWithItsCaFileAndRefusedWithout() throws IOException {
    startTls();
    URI base = URI.create("https://127.0.0.1:" + port + "/rests");

    RestconfClient trusting = new RestconfClient(base, "admin", "admin", Duration.ofSeconds(5),
        Optional.of(certificate));
    assertThat(trusting.get("org-openroadm-service:service-list").orElseThrow()
        .path("ok").asBoolean()).isTrue();

    RestconfClient jdkTrust = new RestconfClient(base, "admin", "admin", Duration.ofSeconds(5));
    assertThatThrownBy(() -> jdkTrust.get("org-openroadm-service:service-list"))
        .isInstanceOf(SouthboundException.class)
        .hasMessageContaining("TLS with 127.0.0.1:" + port + " failed")
        .hasMessageContaining("--optical-ca-file")
        .satisfies(e -> assertThat(((SouthboundException) e).retriable())
            .as("a certificate does not get better by retrying").isFalse());
  }

  @Test
  void aCaFileThatIsNotACertificateIsRefusedNamingIt() throws IOException {
    Path junk = dir.resolve("junk.pem");
    java.nio.file.Files.writeString(junk, "not a certificate");
    URI base = URI.create("https://127.0.0.1:1/rests");

    assertThatThrownBy(() -> new RestconfClient(base, "admin", "admin", Duration.ofSeconds(1),
        Optional.of(junk))).hasMessageContaining("CA file " + junk);
    assertThatThrownBy(() -> TransportPceSettings.defaults("http://127.0.0.1:8181")
        .withCaFile(certificate)).hasMessageContaining("is for an https:// address");
  }

  @Test
  void defaultCredentialsAreFlaggedOnlyOffLoopback() {
    assertThat(TransportPceSettings.defaults("http://127.0.0.1:8181")
        .defaultCredentialsOffLoopback()).isFalse();
    assertThat(TransportPceSettings.defaults("http://192.0.2.10:8181")
        .defaultCredentialsOffLoopback()).isTrue();
    assertThat(TransportPceSettings.defaults("http://192.0.2.10:8181")
        .withCredentials("admin", "s3cret").defaultCredentialsOffLoopback()).isFalse();
  }

  private void startTls() throws IOException {
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    SslContextFactory.Server tls = new SslContextFactory.Server();
    tls.setKeyStorePath(keystore.toString());
    tls.setKeyStorePassword("changeit");
    tls.setKeyStoreType("PKCS12");
    server = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.addConnector((jetty, http) -> {
        ServerConnector connector = new ServerConnector(jetty, tls);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        return connector;
      });
      cfg.routes.get("/rests/data/*", ctx -> ctx.contentType("application/json")
          .result("{\"ok\": true}"));
    }).start("127.0.0.1", 0);
  }

  private static void keytool(String... args) throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IllegalStateException("keytool failed: " + out);
    }
  }
}
