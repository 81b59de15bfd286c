package org.ferry.optical.transportpce;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS context that trusts the certificates of one CA file instead of the JDK's: what HTTPS to
 * an OpenDaylight with its self-signed certificate needs. Host names are still checked against
 * the certificate, by the HTTP client.
 */
final class TrustedCertificates {

  private TrustedCertificates() {}

  /**
   * @param caFile X.509 certificates, PEM (one or more) or DER
   * @throws IllegalArgumentException naming the file if it cannot be read or holds no
   *     certificate
   */
  static SSLContext context(Path caFile) {
    if (!Files.isReadable(caFile)) {
      throw new IllegalArgumentException("CA file " + caFile + " does not exist or cannot be"
          + " read (--optical-ca-file)");
    }
    try (InputStream in = Files.newInputStream(caFile)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) {
        throw new IllegalArgumentException("CA file " + caFile + " holds no certificate");
      }
      KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
      store.load(null, null);
      int i = 0;
      for (Certificate certificate : certificates) {
        store.setCertificateEntry("ca-" + i++, certificate);
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("CA file " + caFile + " is not X.509 certificates in"
          + " PEM or DER: " + e.getMessage(), e);
    }
  }
}
