package org.ferry.server.auth;

import io.javalin.config.JavalinConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Objects;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The key store {@code ferry server} listens with over HTTPS: a PKCS12 or JKS file ({@value
 * #KEYSTORE_OPTION}) holding a private key and its certificate chain, checked when loaded so that
 * a wrong password or a store without a key stops the start with a message naming the option.
 *
 * <p>Javalin 7's SSL plugin is not used: {@link #applyTo} gives Javalin's Jetty one HTTPS
 * connector instead of its plain HTTP one, with Jetty's own {@link SslContextFactory.Server}.
 */
public final class TlsSettings {

  /** The option naming the key store file. */
  public static final String KEYSTORE_OPTION = "--tls-keystore";

  /**
   * Connections the server's socket holds until they are accepted. The JDK's default of 50
   * makes a burst of clients beyond it wait for TCP's SYN retry, about a second each.
   */
  public static final int ACCEPT_QUEUE = 1024;

  private final Path file;
  private final KeyStore keyStore;
  private final char[] password;
  private final String keyAlias;

  private TlsSettings(Path file, KeyStore keyStore, char[] password, String keyAlias) {
    this.file = file;
    this.keyStore = keyStore;
    this.password = password;
    this.keyAlias = keyAlias;
  }

  /**
   * Loads and checks a key store. Its type (PKCS12 or JKS) is told from the content. The private
   * key must have the store's password, as {@code keytool} and OpenSSL's PKCS12 export make it.
   *
   * @param file the {@value #KEYSTORE_OPTION} file
   * @param password its password, e.g. from {@link KeyStorePassword#read}; copied, so the caller
   *     may clear it
   * @throws IllegalArgumentException naming {@value #KEYSTORE_OPTION} if the file is missing, not
   *     a key store, the password is wrong, or it holds no private key
   */
  public static TlsSettings load(Path file, char[] password) {
    Objects.requireNonNull(file, KEYSTORE_OPTION);
    Objects.requireNonNull(password, "password");
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(KEYSTORE_OPTION + ": no such file " + file);
    }
    KeyStore store;
    try {
      store = KeyStore.getInstance(file.toFile(), password);
    } catch (IOException e) {
      if (e.getCause() instanceof UnrecoverableKeyException) {
        throw new IllegalArgumentException(KEYSTORE_OPTION + ": wrong password for " + file
            + " (check " + KeyStorePassword.FILE_OPTION + " or " + KeyStorePassword.ENV_OPTION
            + ")");
      }
      throw new UncheckedIOException(KEYSTORE_OPTION + ": cannot read " + file + " (" + e + ")", e);
    } catch (KeyStoreException e) {
      throw new IllegalArgumentException(KEYSTORE_OPTION + ": " + file
          + " is not a PKCS12 or JKS key store (a PEM key and certificate can be converted with"
          + " openssl pkcs12 -export)");
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE_OPTION + ": cannot load " + file + ": "
          + e.getMessage(), e);
    }
    String alias = privateKeyAlias(file, store, password);
    return new TlsSettings(file, store, password.clone(), alias);
  }

  private static String privateKeyAlias(Path file, KeyStore store, char[] password) {
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          try {
            store.getKey(alias, password);
          } catch (UnrecoverableKeyException e) {
            throw new IllegalArgumentException(KEYSTORE_OPTION + ": the private key '" + alias
                + "' in " + file + " has a password other than the store's; give it the store's"
                + " password (keytool -keypasswd)");
          }
          return alias;
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(KEYSTORE_OPTION + ": cannot read the entries of "
          + file + ": " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(KEYSTORE_OPTION + ": " + file + " holds no private key,"
        + " only certificates; the server needs its own key and certificate (keytool"
        + " -genkeypair, or openssl pkcs12 -export of a key and its certificate)");
  }

  /** The key store file, for messages. */
  public Path file() {
    return file;
  }

  /** The alias of the private key the server will present. */
  public String keyAlias() {
    return keyAlias;
  }

  /** The loaded key store. */
  public KeyStore keyStore() {
    return keyStore;
  }

  /** A copy of the store's password. */
  public char[] password() {
    return password.clone();
  }

  /** A TLS context presenting this key store's key, for servers other than Javalin's. */
  public SSLContext sslContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make a TLS context from " + file, e);
    }
  }

  /**
   * Makes a Javalin app listen with HTTPS only, on {@code host}:{@code port}, presenting {@code
   * tls}'s key. Call it inside {@code Javalin.create(cfg -> ...)}; {@code cfg.jetty.host} and
   * {@code port} are then not used, and {@code app.port()} tells the port bound (useful with 0).
   *
   * @param config the app's configuration
   * @param tls the loaded key store
   * @param host the address to bind, e.g. {@code "127.0.0.1"} or {@code "0.0.0.0"}
   * @param port the port, or 0 for any free one
   */
  public static void applyTo(JavalinConfig config, TlsSettings tls, String host, int port) {
    Objects.requireNonNull(tls, "tls");
    config.jetty.addConnector((server, httpConfiguration) -> {
      SslContextFactory.Server ssl = new SslContextFactory.Server();
      ssl.setKeyStore(tls.keyStore);
      ssl.setKeyStorePassword(new String(tls.password));
      HttpConfiguration https = new HttpConfiguration(httpConfiguration);
      // Marks requests secure (scheme https). The Host-versus-certificate check is off: the
      // client already checks the certificate against the name it dialled, and the check would
      // turn away clients that reach the server by IP or through a tunnel as localhost.
      SecureRequestCustomizer secure = new SecureRequestCustomizer();
      secure.setSniHostCheck(false);
      https.addCustomizer(secure);
      ServerConnector connector = new ServerConnector(server,
          new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
          new HttpConnectionFactory(https));
      connector.setHost(host);
      connector.setPort(port);
      connector.setAcceptQueueSize(ACCEPT_QUEUE);
      return connector;
    });
  }
}
