package org.ferry.seam.compute;

import java.util.Objects;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.VnfId;

/**
 * A container checkpoint: the dump of a frozen process tree.
 *
 * @param vnf whose image
 * @param location where the image lies
 * @param path the directory, as the driver names it
 * @param size bytes in the image; for a lazy checkpoint, without the memory pages
 * @param lazyMemory memory left at the source to be pulled on demand (zero unless lazy)
 * @param approach stop-and-copy or lazy
 */
public record CheckpointImage(
    VnfId vnf,
    Placement location,
    String path,
    DataSize size,
    DataSize lazyMemory,
    MigrationApproach approach) {

  public CheckpointImage {
    Objects.requireNonNull(vnf, "vnf");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(size, "size");
    Objects.requireNonNull(lazyMemory, "lazyMemory");
    Objects.requireNonNull(approach, "approach");
  }

  public CheckpointImage at(Placement newLocation, String newPath) {
    return new CheckpointImage(vnf, newLocation, newPath, size, lazyMemory, approach);
  }
}
