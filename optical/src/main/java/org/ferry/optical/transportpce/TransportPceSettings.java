package org.ferry.optical.transportpce;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

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
 */
public record TransportPceSettings(
    URI base, String user, String password, Duration requestTimeout, Duration followTimeout,
    Duration pollInterval, NotificationSource notifications) {

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

  public TransportPceSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(followTimeout, "followTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
    Objects.requireNonNull(notifications, "notifications");
    String scheme = base.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("the TransportPCE address must be an http(s) URL, got "
          + base);
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
    return new TransportPceSettings(uri, "admin", "admin", Duration.ofSeconds(10),
        Duration.ofSeconds(600), Duration.ofMillis(250), NotificationSource.AUTO);
  }

  public TransportPceSettings withCredentials(String newUser, String newPassword) {
    return new TransportPceSettings(base, newUser, newPassword, requestTimeout, followTimeout,
        pollInterval, notifications);
  }

  public TransportPceSettings withFollowTimeout(Duration timeout) {
    return new TransportPceSettings(base, user, password, requestTimeout, timeout, pollInterval,
        notifications);
  }

  public TransportPceSettings withNotifications(NotificationSource source) {
    return new TransportPceSettings(base, user, password, requestTimeout, followTimeout,
        pollInterval, source);
  }
}
