package org.ferry.model.vnf;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import org.ferry.model.unit.DataSize;

/**
 * The compute size of a function: the reference deployment's {@link #SMALL} and {@link #MEDIUM},
 * or an explicit size ({@link #of(int, DataSize)}) an inventory gives.
 *
 * @param name how reports name it ("small", or "2vcpu-3072mib" for an explicit size)
 * @param vcpus virtual CPUs, 1 or more
 * @param memory guest memory
 * @param disk the disk allowance (the image actually copied is usually much smaller)
 */
public record Flavor(String name, int vcpus, DataSize memory, DataSize disk) {

  /** 1 vCPU, 2048 MB RAM, 20 GB disk. */
  public static final Flavor SMALL =
      new Flavor("small", 1, DataSize.ofMebibytes(2048), DataSize.ofGigabytes(20));
  /** 2 vCPU, 4096 MB RAM, 40 GB disk. */
  public static final Flavor MEDIUM =
      new Flavor("medium", 2, DataSize.ofMebibytes(4096), DataSize.ofGigabytes(40));

  private static final List<Flavor> NAMED = List.of(SMALL, MEDIUM);

  public Flavor {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(memory, "memory");
    Objects.requireNonNull(disk, "disk");
    if (vcpus < 1) {
      throw new IllegalArgumentException("a flavor has 1 vCPU or more, got " + vcpus);
    }
    if (memory.bytes() <= 0) {
      throw new IllegalArgumentException("a flavor's memory must be above 0, got " + memory);
    }
  }

  /**
   * An explicit size. Its disk allowance is ten times its memory, as for the named flavors.
   *
   * @throws IllegalArgumentException if vcpus is below 1 or memory is not above 0
   */
  public static Flavor of(int vcpus, DataSize memory) {
    Objects.requireNonNull(memory, "memory");
    long mib = memory.bytes() / (1024 * 1024);
    return new Flavor(vcpus + "vcpu-" + mib + "mib", vcpus, memory,
        DataSize.ofBytes(memory.bytes() * 10));
  }

  /** The named flavors: small, medium. */
  public static List<Flavor> named() {
    return NAMED;
  }

  /** Parses "small" or "medium", ignoring case, with an error that lists both. */
  public static Flavor parse(String text) {
    String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    return NAMED.stream().filter(f -> f.name.equals(wanted)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown flavor '" + text
            + "'; expected one of "
            + NAMED.stream().map(Flavor::name).collect(Collectors.joining(", "))));
  }

  public String displayName() {
    return name;
  }

  /** "SMALL", "MEDIUM": the upper-case name, as when flavors were an enum. */
  @Override
  public String toString() {
    return name.toUpperCase(Locale.ROOT);
  }
}
