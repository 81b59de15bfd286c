package org.ferry.optical.transportpce;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where TransportPCE is and how long to wait for it.
 *
 * @param base the RESTCONF root, e.g. {@code http://10.0.0.5:8181/rests}
 * @param user basic-auth user (TransportPCE's default: admin)
 * @param password its password (default: admin)
 * @param requestTimeout per HTTP request
 * @param followTimeout how long a service may take to reach inService (real OLM timers give about
 *     300 s)
 * @param pollInterval how often a followed service is read
 * @param notifications where faults and failures are heard of
 * @param caFile for an https base: the CA certificates (PEM or DER) to trust instead of the
 *     JDK's, e.g. OpenDaylight's self-signed certificate; empty for the JDK's
 */
public record TransportPceSettings(
    URI base, String user, String password, Duration requestTimeout, Duration followTimeout,
    Duration pollInterval, NotificationSource notifications, Optional<Path> caFile) {

  /** Where the client hears of faults and of services that failed. */
  public enum NotificationSource {
    /** The emulator's stream if the controller offers it, else TransportPCE's NBI RPCs. */
    AUTO,
    /** The emulator's long-polled stream, {@code GET /ferry/notifications}. */
    FERRY_STREAM,
    /**
     * TransportPCE's Kafka-backed {@code nbi-notifications:get-notifications-process-service}
     * and {@code -alarm-service} RPCs, polled every second; a fibre is found down from the
     * ROADM-TO-ROADM links out of service in openroadm-topology.
     */
    NBI_NOTIFICATIONS
  }

  /** OpenDaylight's default basic-auth user and password. */
  public static final String DEFAULT_USER = "admin";
  public static final String DEFAULT_PASSWORD = "admin";

  public TransportPceSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(followTimeout, "followTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(caFile, "caFile");
    String scheme = base.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("the TransportPCE address must be an http(s) URL, got "
          + base);
    }
    if (caFile.isPresent() && !"https".equals(scheme)) {
      throw new IllegalArgumentException("a CA file (--optical-ca-file) is for an https://"
          + " address, got " + base);
    }
  }

  /**
   * Defaults for a controller at {@code url}: admin/admin, 10 s per request, 600 s to follow a
   * service, reads every 250 ms. A URL with no path gets TransportPCE's {@code /rests}.
   */
  public static TransportPceSettings defaults(String url) {
    URI uri = URI.create(url.trim());
    if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
      uri = uri.resolve("/rests");
    }
    return new TransportPceSettings(uri, DEFAULT_USER, DEFAULT_PASSWORD, Duration.ofSeconds(10),
        Duration.ofSeconds(600), Duration.ofMillis(250), NotificationSource.AUTO,
        Optional.empty());
  }

  public TransportPceSettings withCredentials(String newUser, String newPassword) {
    return new TransportPceSettings(base, newUser, newPassword, requestTimeout, followTimeout,
        pollInterval, notifications, caFile);
  }

  public TransportPceSettings withFollowTimeout(Duration timeout) {
    return new TransportPceSettings(base, user, password, requestTimeout, timeout, pollInterval,
        notifications, caFile);
  }

  public TransportPceSettings withNotifications(NotificationSource source) {
    return new TransportPceSettings(base, user, password, requestTimeout, followTimeout,
        pollInterval, source, caFile);
  }

  /** The same with a CA file to trust for https. */
  public TransportPceSettings withCaFile(Path file) {
    return new TransportPceSettings(base, user, password, requestTimeout, followTimeout,
        pollInterval, notifications, Optional.of(file));
  }

  /**
   * Whether the credentials are OpenDaylight's well-known default (admin/admin) and the
   * controller is not on this machine: worth a warning, since anyone on the way can use them.
   */
  public boolean defaultCredentialsOffLoopback() {
    if (!user.equals(DEFAULT_USER) || !password.equals(DEFAULT_PASSWORD)) {
      return false;
    }
    try {
      return !InetAddress.getByName(base.getHost()).isLoopbackAddress();
    } catch (UnknownHostException | SecurityException e) {
      return true;
    }
  }
}
