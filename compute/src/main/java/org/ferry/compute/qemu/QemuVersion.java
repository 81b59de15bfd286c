package org.ferry.compute.qemu;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ferry.testbed.net.CommandRunner;

/**
 * The version of the QEMU on this machine, and whether it migrates TCG guests soundly.
 *
 * <p>Before 9.0, QEMU under TCG loses guest writes during a live migration: the dirty-bitmap sync
 * clears a page's dirty bit without resetting the TLB entries that write to it directly, so a
 * page written again through a cached entry is never re-sent, and the destination resumes with a
 * stale copy (fixed upstream in 9.0, commit 03bfc2188f, "physmem: Fix migration dirty bitmap
 * coherency with TCG memory access"). Measured here with 7.2: 10 of 10 pre-copy moves of a guest
 * dirtying 12 MB/s left its kernel oopsed or panicked; with 10.0, 0 of 10. Guest-side workarounds
 * (no global pages, page-table isolation forced on, so that more kernel entries flush the TLB)
 * made it rare, not gone, so Ferry refuses an older QEMU rather than move a guest it may corrupt.
 */
record QemuVersion(int major, int minor, int micro) {

  static final QemuVersion SOUND_TCG_MIGRATION = new QemuVersion(9, 0, 0);

  private static final Pattern VERSION =
      Pattern.compile("QEMU emulator version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

  /** Reads the version from {@code qemu-system-x86_64 --version}'s output. */
  static QemuVersion parse(String versionOutput) {
    Matcher m = VERSION.matcher(versionOutput);
    if (!m.find()) {
      throw new IllegalArgumentException("cannot read a QEMU version from: "
          + versionOutput.strip());
    }
    return new QemuVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
  }

  /** The version of {@code qemu-system-x86_64} on the PATH. */
  static QemuVersion installed() {
    CommandRunner.Result r;
    try {
      r = CommandRunner.withDefaultTimeout().attempt(List.of("qemu-system-x86_64", "--version"));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot run qemu-system-x86_64 (" + e.getMessage()
          + "): run scripts/testbed-setup.sh as root first", e);
    }
    if (r.exitCode() != 0) {
      throw new IllegalStateException("qemu-system-x86_64 --version failed ("
          + r.stderr().strip() + "): run scripts/testbed-setup.sh as root first");
    }
    return parse(r.stdout());
  }

  boolean atLeast(QemuVersion other) {
    return major != other.major ? major > other.major
        : minor != other.minor ? minor > other.minor : micro >= other.micro;
  }

  /** Throws, saying why and what to do, if this QEMU loses guest writes when it migrates. */
  QemuVersion requireSoundTcgMigration() {
    if (!atLeast(SOUND_TCG_MIGRATION)) {
      throw new IllegalStateException("QEMU " + this + " loses guest writes during a TCG live"
          + " migration (fixed in QEMU " + SOUND_TCG_MIGRATION + "): a moved guest would resume"
          + " with stale memory. Run scripts/testbed-setup.sh as root: on Debian 12 it installs"
          + " QEMU 10 from bookworm-backports");
    }
    return this;
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + micro;
  }
}
