package org.ferry.app.cli;

import org.ferry.inventory.Inventory;
import org.ferry.optical.emulator.TopologyFile;

/** The emulator's network for an inventory, as {@code ferry optical-emulator --inventory}. */
public final class OpticalEmulatorAccess {

  private OpticalEmulatorAccess() {}

  public static TopologyFile fromInventory(Inventory inventory) {
    return OpticalEmulatorCommand.fromInventory(inventory);
  }
}
