package org.ferry.compute.qemu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ferry.model.network.SiteId;

/** One QEMU process: the site it runs at, its QMP connection, its log and its serial console. */
record QemuInstance(SiteId site, Process process, QmpClient qmp, Path log, Path serial) {

  /** What QEMU's {@code query-status} says the guest is doing, e.g. {@code running}. */
  String status() {
    return qmp.execute("query-status").path("status").asText();
  }

  /** Everything on the guest's serial console so far. */
  String console() {
    return readQuietly(serial);
  }

  static String readQuietly(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      return "";
    }
  }

  /** The last 400 characters of a log or console, for an error message. */
  static String tail(Path p) {
    String s = readQuietly(p).strip();
    return s.isEmpty() ? "(empty)" : s.substring(Math.max(0, s.length() - 400));
  }
}
