package org.ferry.simulation;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.report.Provenance;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.prediction.MigrationModel;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.CheckpointImage;
import org.ferry.seam.compute.Checkpointable;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.NetworkPath;

/**
 * A simulated container VIM with CRIU's steps: checkpoint (the container freezes and its dump is
 * written), transfer, restore, and for a lazy migration the page pull afterwards. Durations come
 * from the model; scripted faults fail a step.
 */
public final class SimulatedContainerVim extends SimulatedVim implements Checkpointable {

  /** Images held, by "placement + path", with the prediction their migration plays out. */
  private final Map<String, Prediction> images = new HashMap<>();
  private final AtomicInteger dumps = new AtomicInteger();

  SimulatedContainerVim(SimulatedWorld world, MigrationModel model) {
    super(world, model, Virtualization.CONTAINER);
  }

  @Override
  public CheckpointImage checkpoint(MigrationRequest request) {
    Vnf vnf = request.vnf();
    if (!ours(vnf.id()) || !world.running(vnf.id())) {
      throw new MigrationFailedException(name(), vnf.id() + " is not a running container",
          world.running(vnf.id()));
    }
    Prediction plan = predict(vnf, request.approach(), request.path());
    world.pause(vnf.id());
    Duration dump = world.jitter(plan.duration(Phase.CHECKPOINT));
    Optional<String> fault = world.faults().take(vnf.id(), Phase.CHECKPOINT);
    if (fault.isPresent()) {
      world.time().sleep(dump.dividedBy(2));
      world.resumeAt(vnf.id(), vnf.placement()); // a failed dump thaws the container
      throw new MigrationFailedException(name(), "checkpoint of " + vnf.id() + " failed: "
          + fault.get(), true);
    }
    world.time().sleep(dump);
    String path = "/var/lib/ferry/checkpoints/" + vnf.id() + "-" + dumps.incrementAndGet();
    synchronized (images) {
      images.put(vnf.placement() + path, plan);
    }
    return new CheckpointImage(vnf.id(), vnf.placement(), path, plan.bytes(Phase.TRANSFER),
        plan.bytes(Phase.PAGE_PULL), request.approach());
  }

  @Override
  public CheckpointImage transfer(CheckpointImage image, Placement destination, NetworkPath path) {
    Prediction plan = requireImage(image);
    Duration copy = world.jitter(plan.duration(Phase.TRANSFER));
    Optional<String> fault = world.faults().take(image.vnf(), Phase.TRANSFER);
    if (fault.isPresent()) {
      world.time().sleep(copy.dividedBy(2));
      throw new MigrationFailedException(name(), "transfer of " + image.path() + " to "
          + destination + " failed: " + fault.get(), false);
    }
    world.time().sleep(copy);
    synchronized (images) {
      images.put(destination + image.path(), plan);
    }
    return image.at(destination, image.path());
  }

  @Override
  public void restore(CheckpointImage image) {
    Prediction plan = requireImage(image);
    Vnf vnf = world.vnf(image.vnf()).orElseThrow();
    Duration restore = world.jitter(plan.duration(Phase.RESTORE));
    boolean atSource = world.placement(vnf.id()).map(image.location()::equals).orElse(false);
    Optional<String> fault =
        atSource ? Optional.empty() : world.faults().take(vnf.id(), Phase.RESTORE);
    if (fault.isPresent()) {
      world.time().sleep(restore.dividedBy(2));
      throw new MigrationFailedException(name(), "restore of " + vnf.id() + " at "
          + image.location() + " failed: " + fault.get(), false);
    }
    world.time().sleep(restore);
    world.resumeAt(vnf.id(), image.location());
  }

  @Override
  public DataSize awaitLazyPages(CheckpointImage image, NetworkPath path) {
    Prediction plan = requireImage(image);
    world.time().sleep(world.jitter(plan.duration(Phase.PAGE_PULL)));
    return image.lazyMemory();
  }

  @Override
  public void discard(CheckpointImage image) {
    synchronized (images) {
      images.remove(image.location() + image.path());
    }
  }

  /** Images the VIM holds, as "site/host/path", for tests. */
  public Set<String> images() {
    synchronized (images) {
      return Set.copyOf(images.keySet());
    }
  }

  private Prediction requireImage(CheckpointImage image) {
    synchronized (images) {
      Prediction plan = images.get(image.location() + image.path());
      if (plan == null) {
        throw new MigrationFailedException(name(), "no checkpoint image " + image.path() + " at "
            + image.location() + " (missing or discarded)", false);
      }
      return plan;
    }
  }

  private Prediction predict(Vnf vnf, MigrationApproach approach, NetworkPath path) {
    return model.predict(MigrationScenario.of(vnf.kind(), vnf.virtualization(), vnf.flavor(),
        path, vnf.backhaul(), world.testbed()), approach);
  }

}
