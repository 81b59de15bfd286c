package org.ferry.app.cli;

import java.time.Duration;
import org.ferry.optical.transportpce.TransportPceSettings;
import picocli.CommandLine.Option;

/** Where the optical layer runs: the twin (by default) or a TransportPCE over HTTP. */
public final class OpticalOptions {

  @Option(names = "--optical", paramLabel = "URL",
      description = "Run the optical layer on a TransportPCE (or `ferry optical-emulator`) at"
          + " URL, e.g. http://127.0.0.1:8181; the compute, packet and probe layers stay"
          + " simulated")
  String url;

  @Option(names = "--optical-user", defaultValue = "admin",
      description = "Basic-auth user for --optical (default: ${DEFAULT-VALUE})")
  String user;

  @Option(names = "--optical-password", defaultValue = "admin",
      description = "Basic-auth password for --optical (default: ${DEFAULT-VALUE})")
  String password;

  @Option(names = "--optical-timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "How long a lightpath may take to come into service (default:"
          + " ${DEFAULT-VALUE}; real OLM timers take about 300 s)")
  long timeoutSeconds;

  boolean enabled() {
    return url != null;
  }

  TransportPceSettings settings() {
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException("--optical-timeout must be above 0 seconds, got "
          + timeoutSeconds);
    }
    try {
      return TransportPceSettings.defaults(url).withCredentials(user, password)
          .withFollowTimeout(Duration.ofSeconds(timeoutSeconds));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--optical " + url + ": " + e.getMessage(), e);
    }
  }
}
