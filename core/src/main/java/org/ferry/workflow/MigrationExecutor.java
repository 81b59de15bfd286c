package org.ferry.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.ferry.model.report.Figure;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.Checkpointable;
import org.ferry.seam.compute.LiveMigratable;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.SwitchOverListener;
import org.ferry.seam.compute.Vim;
import org.ferry.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out one migration through the VIM's capabilities. A VM's live migration is the driver's
 * job end to end; a container's is three steps timed here (checkpoint, transfer, restore), so that
 * a failure after the dump brings the container back at its source from the same image.
 */
final class MigrationExecutor {

  private static final Logger log = LoggerFactory.getLogger(MigrationExecutor.class);

  private final TimeSource time;

  MigrationExecutor(TimeSource time) {
    this.time = time;
  }

  /**
   * @throws MigrationFailedException if the move did not complete; it says whether the VNF runs
   *     at its source
   */
  MigrationOutcome migrate(Vim vim, MigrationRequest request, SwitchOverListener onSwitchOver) {
    if (request.vnf().virtualization() == Virtualization.VM) {
      LiveMigratable live = vim.capability(LiveMigratable.class)
          .orElseThrow(() -> unsupported(vim, request));
      return live.liveMigrate(request, onSwitchOver);
    }
    Checkpointable criu = vim.capability(Checkpointable.class)
        .orElseThrow(() -> unsupported(vim, request));
    return moveContainer(vim, criu, request, onSwitchOver);
  }

  private MigrationOutcome moveContainer(
      Vim vim, Checkpointable criu, MigrationRequest request, SwitchOverListener onSwitchOver) {
    Provenance source = vim.figures();
    List<PhaseRecord> phases = new ArrayList<>();
    Instant frozen = time.now();
    CheckpointImage image = criu.checkpoint(request); // on failure the container runs on
    phases.add(phase(Phase.CHECKPOINT, frozen, DataSize.ZERO, source));

    Instant transferStart = time.now();
    CheckpointImage moved;
    try {
      moved = criu.transfer(image, request.destination(), request.path());
    } catch (MigrationFailedException e) {
      throw backAtSource(vim, criu, image, "transfer failed: " + e.getMessage());
    }
    phases.add(phase(Phase.TRANSFER, transferStart, image.size(), source));

    Instant restoreStart = time.now();
    try {
      criu.restore(moved);
    } catch (MigrationFailedException e) {
      criu.discard(moved);
      throw backAtSource(vim, criu, image, "restore at " + request.destination() + " failed: "
          + e.getMessage());
    }
    phases.add(phase(Phase.RESTORE, restoreStart, DataSize.ZERO, source));
    Duration downtime = Duration.between(frozen, time.now());
    onSwitchOver.switchedOver(request.destination());

    if (request.approach() == MigrationApproach.LAZY) {
      Instant pullStart = time.now();
      DataSize pulled = criu.awaitLazyPages(moved, request.path());
      phases.add(phase(Phase.PAGE_PULL, pullStart, pulled, source));
    }
    criu.discard(image);
    return new MigrationOutcome(request.approach(), phases, Figure.of(downtime, source));
  }

  /** Restores the container at its source from the image; says whether that worked. */
  private MigrationFailedException backAtSource(
      Vim vim, Checkpointable criu, CheckpointImage image, String why) {
    try {
      criu.restore(image);
      log.warn("container {} restored at its source {} after: {}", image.vnf(), image.location(),
          why);
      return new MigrationFailedException(vim.name(), why + "; restored at the source "
          + image.location(), true);
    } catch (MigrationFailedException e) {
      log.error("container {} could not be restored at its source either: {}", image.vnf(),
          e.getMessage());
      return new MigrationFailedException(vim.name(), why + "; restoring at the source "
          + image.location() + " failed too: " + e.getMessage() + "; the image is kept at "
          + image.path(), false);
    }
  }

  private PhaseRecord phase(Phase phase, Instant start, DataSize bytes, Provenance source) {
    return new PhaseRecord(phase, start, time.now(), bytes, source);
  }

  private static IllegalStateException unsupported(Vim vim, MigrationRequest request) {
    return new IllegalStateException(
        "VIM " + vim.name() + " cannot carry out " + request.approach().displayName() + " for "
            + request.vnf().id());
  }
}
