package org.ferry.testbed.net;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What scripts/testbed-setup.sh built: the guest kernel, the guest initramfs, the guests' Java
 * runtime disk and the delay line.
 * They live in {@code $FERRY_CACHE}, by default {@code /var/cache/ferry}.
 */
public record TestbedArtefacts(Path cache) {

  public static TestbedArtefacts fromEnvironment() {
    String dir = System.getenv("FERRY_CACHE");
    return new TestbedArtefacts(Path.of(dir == null || dir.isBlank() ? "/var/cache/ferry" : dir));
  }

  public Path kernel() {
    return cache.resolve("kernel/vmlinuz");
  }

  public Path initrd() {
    return cache.resolve("initrd.cpio.gz");
  }

  /** A read-only ext4 image with a Java runtime, which guest applications run from. */
  public Path guestRuntime() {
    return cache.resolve("guest-runtime.ext4");
  }

  /** Throws, naming the setup script, if the guests' Java runtime disk is missing. */
  public void checkGuestRuntime() {
    if (!Files.isReadable(guestRuntime())) {
      throw new IllegalStateException(guestRuntime() + " is missing: run scripts/testbed-setup.sh"
          + " as root first (step 6 builds the guests' Java runtime)");
    }
  }

  public Path delayLine() {
    return cache.resolve("nfq-delay");
  }

  /** Throws, naming the setup script, if something is missing. */
  public void check() {
    for (Path p : new Path[] {kernel(), initrd(), delayLine()}) {
      if (!Files.isReadable(p)) {
        throw new IllegalStateException(p + " is missing: run scripts/testbed-setup.sh as root first"
            + " (it installs QEMU and the testbed tools and builds the guest)");
      }
    }
  }
}
