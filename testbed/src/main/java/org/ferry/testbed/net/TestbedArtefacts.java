package org.ferry.testbed.net;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What scripts/testbed-setup.sh built: the guest kernel, the guest initramfs and the delay line.
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
