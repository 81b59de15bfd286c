package org.ferry.optical.emulator;

import java.util.Objects;
import org.ferry.optical.pce.PceResult;

/**
 * One service the emulator holds (in the service-list or the temp-service-list), with its path.
 * Mutable; guarded by the {@link ServiceHandler} lock.
 */
final class EmulatedService {

  final String name;
  final boolean temp;
  final ServiceInput input;
  final PceResult.Path path;
  /** The xponder ports held at the A and Z ends. */
  final XponderPorts.Pair aPorts;
  final XponderPorts.Pair zPorts;
  final boolean restorable;
  String adminState = "outOfService";
  String operState = "outOfService";
  /** Set once the renderer has finished; a fault only counts against an implemented service. */
  boolean implemented;
  /** Set when a delete is under way; the service stays listed until it completes. */
  boolean deleting;

  EmulatedService(String name, boolean temp, ServiceInput input, PceResult.Path path,
      XponderPorts.Pair aPorts, XponderPorts.Pair zPorts, boolean restorable) {
    this.name = Objects.requireNonNull(name, "name");
    this.temp = temp;
    this.input = Objects.requireNonNull(input, "input");
    this.path = Objects.requireNonNull(path, "path");
    this.aPorts = Objects.requireNonNull(aPorts, "aPorts");
    this.zPorts = Objects.requireNonNull(zPorts, "zPorts");
    this.restorable = restorable;
  }

  boolean inService() {
    return "inService".equals(operState);
  }

  /** Who holds its ports: its name, prefixed for a temp-service (whose common-id may clash). */
  String portHolder() {
    return (temp ? "temp/" : "") + name;
  }

  String connectionType() {
    return input.connectionType().orElse("service");
  }
}
