package org.ferry.app.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.ferry.server.auth.KeyStorePassword;
import org.ferry.server.auth.TlsSettings;
import picocli.CommandLine.Option;

/**
 * The TLS options of {@code ferry server}: {@code --tls-keystore FILE} with its password from
 * {@code --tls-password-file FILE} or {@code --tls-password-env NAME}. Without {@code
 * --tls-keystore} the server speaks plain HTTP. Mix it in with {@code @Mixin TlsOptions tls;}.
 */
public final class TlsOptions {

  @Option(names = TlsSettings.KEYSTORE_OPTION, paramLabel = "FILE",
      description = "PKCS12 or JKS key store with the server's private key and certificate;"
          + " serve HTTPS with it")
  Path keyStore;

  @Option(names = KeyStorePassword.FILE_OPTION, paramLabel = "FILE",
      description = "A file holding the key store's password")
  Path passwordFile;

  @Option(names = KeyStorePassword.ENV_OPTION, paramLabel = "NAME",
      description = "An environment variable holding the key store's password")
  String passwordEnvironmentVariable;

  /**
   * The loaded key store, or empty for plain HTTP.
   *
   * @throws IllegalArgumentException naming the option at fault
   */
  public Optional<TlsSettings> settings() {
    if (keyStore == null) {
      if (passwordFile != null || passwordEnvironmentVariable != null) {
        throw new IllegalArgumentException("a key store password was given but no "
            + TlsSettings.KEYSTORE_OPTION + " FILE to open with it");
      }
      return Optional.empty();
    }
    char[] password = KeyStorePassword.read(passwordFile, passwordEnvironmentVariable);
    try {
      return Optional.of(TlsSettings.load(keyStore, password));
    } finally {
      // TlsSettings keeps its own copy.
      Arrays.fill(password, '\0');
    }
  }
}
