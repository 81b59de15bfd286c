package org.ferry.compute.criu;

import org.junit.jupiter.api.Assumptions;

/** What the real-CRIU tests need, and a printed reason where the machine cannot have it. */
final class RootTestbed {

  private RootTestbed() {}

  /** Skips (with the reason printed) only where CRIU cannot exist: not Linux, not root. */
  static void assumeRootOnLinux() {
    boolean linux = System.getProperty("os.name", "").toLowerCase().contains("linux");
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!linux || !root) {
      String why = "skipped: real CRIU tests need root on Linux (os " + System.getProperty(
          "os.name") + ", user " + System.getProperty("user.name") + ")";
      System.out.println(why);
      Assumptions.abort(why);
    }
  }

  /** The installed CRIU; fails (never skips) when root on Linux has none or too old a one. */
  static Criu criu() {
    Criu criu = Criu.require();
    int version = criu.version();
    if (version < 402) {
      throw new IllegalStateException(criu.binary() + " is version " + version / 100 + "."
          + version % 100 + "; Ferry needs CRIU 4.2 or newer: run scripts/testbed-setup.sh");
    }
    return criu;
  }
}
