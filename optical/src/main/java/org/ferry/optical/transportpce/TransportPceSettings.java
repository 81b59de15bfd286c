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
 */
public record TransportPceSettings(
    URI base, String user, String password, Duration requestTimeout, Duration followTimeout,
    Duration pollInterval) {

  public TransportPceSettings {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    Objects.requireNonNull(followTimeout, "followTimeout");
    Objects.requireNonNull(pollInterval, "pollInterval");
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
        Duration.ofSeconds(600), Duration.ofMillis(250));
  }

  public TransportPceSettings withCredentials(String newUser, String newPassword) {
    return new TransportPceSettings(base, newUser, newPassword, requestTimeout, followTimeout,
        pollInterval);
  }

  public TransportPceSettings withFollowTimeout(Duration timeout) {
    return new TransportPceSettings(base, user, password, requestTimeout, timeout, pollInterval);
  }
}
