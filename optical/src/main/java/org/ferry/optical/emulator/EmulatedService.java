package org.ferry.optical.emulator;

import java.util.Objects;
import org.ferry.optical.pce.PceResult;

/**
 * One service the emulator holds (in the service-list or the temp-service-list), with its path.
 * Mutable; guarded by the {@link EmulatorState} lock.
 */
final class EmulatedService {

  final String name;
  final boolean temp;
  final ServiceInput input;
  final PceResult.Path path;
  final boolean restorable;
  String adminState = "outOfService";
  String operState = "outOfService";
  /** Set once the renderer has finished; a fault only counts against an implemented service. */
  boolean implemented;
  /** Set when a delete is under way; the service stays listed until it completes. */
  boolean deleting;

  EmulatedService(String name, boolean temp, ServiceInput input, PceResult.Path path,
      boolean restorable) {
    this.name = Objects.requireNonNull(name, "name");
    this.temp = temp;
    this.input = Objects.requireNonNull(input, "input");
    this.path = Objects.requireNonNull(path, "path");
    this.restorable = restorable;
  }

  boolean inService() {
    return "inService".equals(operState);
  }

  String connectionType() {
    return input.connectionType().orElse("service");
  }
}
