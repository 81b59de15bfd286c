package org.ferry.inventory;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The VIM driver that runs a host's functions, and its settings as the inventory gives them.
 *
 * @param name one of {@link #KNOWN}
 * @param settings free-form settings the driver reads (a QEMU binary, a CRIU image directory...)
 */
public record VimDriver(String name, Map<String, String> settings) {

  /**
   * The drivers this build has. The format leaves room for more (libvirt, podman, openstack,
   * kubernetes): each comes as a name here and a driver behind the compute seam.
   */
  public static final List<String> KNOWN = List.of("simulated", "qemu", "criu");

  /** The twin's VIMs, with no settings: what a host without a {@code vim} field gets. */
  public static final VimDriver SIMULATED = new VimDriver("simulated", Map.of());

  public VimDriver {
    Objects.requireNonNull(name, "name");
    settings = Map.copyOf(settings);
    if (!KNOWN.contains(name)) {
      throw new IllegalArgumentException("unknown VIM driver '" + name + "'; known drivers: "
          + String.join(", ", KNOWN));
    }
  }
}
