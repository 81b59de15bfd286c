package org.ferry.compute.criu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the {@code criu} binary is, and what it is. Looked up in this order: {@code $FERRY_CRIU},
 * the private prefix that {@code scripts/testbed-setup.sh} fills ({@code
 * $FERRY_CRIU_PREFIX/bin/criu}, default {@code /opt/ferry/criu/bin/criu}), then {@code criu} on
 * the PATH. Ferry needs CRIU 4.2 or newer on Linux 6.16 and later.
 */
public record Criu(Path binary) {

  private static final Pattern VERSION = Pattern.compile("Version:\\s*(\\d+)\\.(\\d+)");

  /** The CRIU to use, or empty if none is installed. */
  public static Optional<Criu> find() {
    String explicit = System.getenv("FERRY_CRIU");
    if (explicit != null && !explicit.isBlank()) {
      return Optional.of(new Criu(Path.of(explicit)));
    }
    String prefix = System.getenv().getOrDefault("FERRY_CRIU_PREFIX", "/opt/ferry/criu");
    Path prefixed = Path.of(prefix, "bin", "criu");
    if (Files.isExecutable(prefixed)) {
      return Optional.of(new Criu(prefixed));
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
      Path candidate = Path.of(dir.isEmpty() ? "." : dir, "criu");
      if (Files.isExecutable(candidate)) {
        return Optional.of(new Criu(candidate));
      }
    }
    return Optional.empty();
  }

  /** The CRIU to use; fails with what to run if there is none. */
  public static Criu require() {
    return find().orElseThrow(() -> new IllegalStateException(
        "no criu found (tried $FERRY_CRIU, /opt/ferry/criu/bin/criu, PATH): run "
            + "scripts/testbed-setup.sh as root to install CRIU 4.2"));
  }

  /** {@code major * 100 + minor}, e.g. 402 for 4.2.1. */
  public int version() {
    var result = Processes.run(Duration.ofSeconds(10),
        List.of(binary.toString(), "--version"));
    String out = result.stdout() + result.stderr();
    Matcher m = VERSION.matcher(out);
    if (!m.find()) {
      throw new IllegalStateException(binary + " --version said no version: " + out.strip());
    }
    return Integer.parseInt(m.group(1)) * 100 + Integer.parseInt(m.group(2));
  }

  /** Runs {@code criu check}; fails with CRIU's words if the kernel lacks something it needs. */
  public void check() {
    Processes.run(Duration.ofSeconds(30), List.of(binary.toString(), "check"));
  }

  /** The binary as a command-line word. */
  public String command() {
    return binary.toString();
  }
}
