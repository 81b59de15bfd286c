package org.ferry.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.ferry.optical.transportpce.TransportPceSettings;
import picocli.CommandLine.Option;

/** Where the optical layer runs: the twin (by default) or a TransportPCE over HTTP(S). */
public final class OpticalOptions {

  @Option(names = "--optical", paramLabel = "URL",
      description = "Run the optical layer on a TransportPCE (or `ferry optical-emulator`) at"
          + " URL, e.g. http://127.0.0.1:8181; the compute, packet and probe layers stay"
          + " simulated")
  String url;

  @Option(names = "--optical-user", defaultValue = "admin",
      description = "Basic-auth user for --optical (default: ${DEFAULT-VALUE})")
  String user;

  @Option(names = "--optical-password",
      description = "Basic-auth password for --optical (default: admin); visible to other"
          + " users of this machine, prefer --optical-password-file or --optical-password-env")
  String password;

  @Option(names = "--optical-password-file", paramLabel = "FILE",
      description = "Read the --optical password from FILE (its first line)")
  Path passwordFile;

  @Option(names = "--optical-password-env", paramLabel = "NAME",
      description = "Read the --optical password from the environment variable NAME")
  String passwordEnv;

  @Option(names = "--optical-ca-file", paramLabel = "FILE",
      description = "For an https:// --optical URL: trust the CA certificates in FILE (PEM or"
          + " DER) instead of the JDK's, e.g. OpenDaylight's self-signed certificate")
  Path caFile;

  @Option(names = "--optical-timeout", defaultValue = "600", paramLabel = "SECONDS",
      description = "How long a lightpath may take to come into service (default:"
          + " ${DEFAULT-VALUE}; real OLM timers take about 300 s)")
  long timeoutSeconds;

  /** Where environment variables come from; a test gives its own. */
  Function<String, String> environment = System::getenv;

  boolean enabled() {
    return url != null;
  }

  /**
   * The settings of these options.
   *
   * @throws IllegalArgumentException naming the option that is wrong and what it may be
   */
  TransportPceSettings settings() {
    if (timeoutSeconds <= 0) {
      throw new IllegalArgumentException("--optical-timeout must be above 0 seconds, got "
          + timeoutSeconds);
    }
    TransportPceSettings settings;
    try {
      settings = TransportPceSettings.defaults(url).withCredentials(user, password())
          .withFollowTimeout(Duration.ofSeconds(timeoutSeconds));
      if (caFile != null) {
        settings = settings.withCaFile(caFile);
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--optical " + url + ": " + e.getMessage(), e);
    }
    return settings;
  }

  /** The password from at most one of the three options, else OpenDaylight's default. */
  private String password() {
    int given = (password != null ? 1 : 0) + (passwordFile != null ? 1 : 0)
        + (passwordEnv != null ? 1 : 0);
    if (given > 1) {
      throw new IllegalArgumentException("give the password once: --optical-password,"
          + " --optical-password-file or --optical-password-env");
    }
    if (passwordFile != null) {
      try {
        String first = Files.readAllLines(passwordFile).stream().findFirst().orElse("");
        if (first.isEmpty()) {
          throw new IllegalArgumentException("--optical-password-file " + passwordFile
              + " is empty; put the password on its first line");
        }
        return first;
      } catch (IOException e) {
        throw new IllegalArgumentException("--optical-password-file " + passwordFile
            + " cannot be read: " + e.getMessage(), e);
      }
    }
    if (passwordEnv != null) {
      String value = environment.apply(passwordEnv);
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException("--optical-password-env " + passwordEnv
            + ": the environment variable " + passwordEnv + " is not set");
      }
      return value;
    }
    return password != null ? password : TransportPceSettings.DEFAULT_PASSWORD;
  }
}
