package org.ferry.seam.compute;

import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Placement;

/**
 * A VIM that checkpoints and restores containers, as CRIU does. The workflow calls the three steps
 * in turn and times each, so that a failed restore can fall back to the source.
 */
public interface Checkpointable {

  /**
   * Freezes the container and dumps it. For a lazy checkpoint, memory stays at the source behind a
   * page server.
   *
   * @param request the move this checkpoint is for; its approach says stop-and-copy or lazy
   * @return the image, at the source host
   * @throws MigrationFailedException if the dump failed; the container runs on at the source
   */
  CheckpointImage checkpoint(MigrationRequest request);

  /**
   * Moves an image to another host.
   *
   * @return the image at {@code destination}
   * @throws MigrationFailedException if the copy failed
   */
  CheckpointImage transfer(CheckpointImage image, Placement destination, NetworkPath path);

  /**
   * Restores the container from an image at the image's location, and returns once it runs. For a
   * lazy image, that is before its memory has arrived; {@link #awaitLazyPages} waits for the rest.
   *
   * @throws MigrationFailedException if the restore failed
   */
  void restore(CheckpointImage image);

  /**
   * Waits until every lazy page of a restored container has arrived.
   *
   * @return the bytes pulled from the source
   */
  DataSize awaitLazyPages(CheckpointImage image, NetworkPath path);

  /** Deletes an image; deleting one that is gone does nothing. */
  void discard(CheckpointImage image);
}
