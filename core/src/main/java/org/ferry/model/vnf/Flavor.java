package org.ferry.model.vnf;

import org.ferry.model.Names;
import org.ferry.model.unit.DataSize;

/** Compute flavors of the reference deployment. */
public enum Flavor {
  /** 1 vCPU, 2048 MB RAM, 20 GB disk. */
  SMALL(1, DataSize.ofMebibytes(2048), DataSize.ofGigabytes(20)),
  /** 2 vCPU, 4096 MB RAM, 40 GB disk. */
  MEDIUM(2, DataSize.ofMebibytes(4096), DataSize.ofGigabytes(40));

  private final int vcpus;
  private final DataSize memory;
  private final DataSize disk;

  Flavor(int vcpus, DataSize memory, DataSize disk) {
    this.vcpus = vcpus;
    this.memory = memory;
    this.disk = disk;
  }

  public static Flavor parse(String text) {
    return Names.parse(Flavor.class, text, "flavor", Names::kebab);
  }

  public int vcpus() {
    return vcpus;
  }

  public DataSize memory() {
    return memory;
  }

  /** The flavor's disk allowance (the image actually copied is usually much smaller). */
  public DataSize disk() {
    return disk;
  }

  public String displayName() {
    return Names.kebab(this);
  }
}
