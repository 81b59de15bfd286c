package org.ferry.server.auth;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where ferry keeps its state by default: {@code $XDG_DATA_HOME/ferry}, else {@code
 * ~/.local/share/ferry}, as the XDG Base Directory specification has it. A relative {@code
 * XDG_DATA_HOME} is ignored, as the specification says it must be.
 */
public final class DataDirectory {

  private DataDirectory() {}

  /** The default data directory for this process's user and environment. */
  public static Path defaultPath() {
    return defaultPath(System.getenv(), Path.of(System.getProperty("user.home")));
  }

  /**
   * The default data directory for the given environment and home directory.
   *
   * @param environment the environment variables; only {@code XDG_DATA_HOME} is read
   * @param home the user's home directory
   */
  public static Path defaultPath(Map<String, String> environment, Path home) {
    String xdg = environment.get("XDG_DATA_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg).resolve("ferry");
    }
    return home.resolve(".local").resolve("share").resolve("ferry");
  }
}
