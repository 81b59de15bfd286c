package org.ferry.inventory;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which optical controller the network's lightpaths are under, and how to reach it. A password
 * or token is never written in the inventory itself: it is read from a file or an environment
 * variable when Ferry connects.
 *
 * @param type {@code simulated} (the twin's own controller) or {@code transportpce}
 * @param url the RESTCONF base of a TransportPCE; empty for the simulated one
 * @param user the user to authenticate as, if any
 * @param passwordFile a file holding the password or token, if any
 * @param passwordEnv an environment variable holding it, if any (not both)
 * @param caFile the CA certificate to trust for an HTTPS url, if not the system's
 */
public record OpticalControllerSpec(
    String type,
    Optional<URI> url,
    Optional<String> user,
    Optional<Path> passwordFile,
    Optional<String> passwordEnv,
    Optional<Path> caFile) {

  /** The controller types this build can talk to. */
  public static final List<String> TYPES = List.of("simulated", "transportpce");

  /** The twin's own controller: what an inventory without {@code optical-controller} gets. */
  public static final OpticalControllerSpec SIMULATED = new OpticalControllerSpec("simulated",
      Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

  public OpticalControllerSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(passwordFile, "passwordFile");
    Objects.requireNonNull(passwordEnv, "passwordEnv");
    Objects.requireNonNull(caFile, "caFile");
    if (!TYPES.contains(type)) {
      throw new IllegalArgumentException("unknown optical controller type '" + type
          + "'; expected one of " + String.join(", ", TYPES));
    }
  }

  public boolean simulated() {
    return type.equals("simulated");
  }
}
