package org.ferry.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.model.report.Figure;
import org.ferry.model.report.MigrationOutcome;
import org.ferry.model.report.Phase;
import org.ferry.model.report.PhaseRecord;
import org.ferry.model.report.Prediction;
import org.ferry.model.report.Provenance;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.prediction.MigrationModel;
import org.ferry.prediction.MigrationScenario;
import org.ferry.seam.compute.LiveMigratable;
import org.ferry.seam.compute.MigrationFailedException;
import org.ferry.seam.compute.MigrationRequest;
import org.ferry.seam.compute.SwitchOverListener;

/**
 * A simulated VM VIM: plays pre-copy and post-copy out in virtual time, phase by phase, with the
 * durations the model predicts (and the twin's seeded noise). A pre-copy that fails leaves the VM
 * running at its source; a post-copy that fails after the switch-over loses it, as in QEMU.
 */
public final class SimulatedVmVim extends SimulatedVim implements LiveMigratable {


  SimulatedVmVim(SimulatedWorld world, MigrationModel model) {
    super(world, model, Virtualization.VM);
  }

  @Override
  public MigrationOutcome liveMigrate(MigrationRequest request, SwitchOverListener onSwitchOver) {
    Vnf vnf = request.vnf();
    if (!ours(vnf.id()) || !world.placement(vnf.id()).equals(Optional.of(vnf.placement()))) {
      throw new MigrationFailedException(name(), vnf.id() + " is not a VM running at "
          + vnf.placement(), world.running(vnf.id()));
    }
    Prediction plan = model.predict(MigrationScenario.of(vnf.kind(), vnf.virtualization(),
        vnf.flavor(), request.path(), vnf.backhaul(), world.testbed()), request.approach());
    List<PhaseRecord> phases = new ArrayList<>();
    Duration downtime = world.jitter(plan.downtime());

    run(phases, Phase.PRE_LIVE, plan, vnf, true);
    // Pre-copy pauses for its last round, post-copy for the device state; both then switch over.
    Instant liveStart = world.time().now();
    Duration live = world.jitter(plan.duration(Phase.LIVE));
    failIfScripted(vnf, Phase.LIVE, live.dividedBy(2), true);
    Duration running = live.minus(downtime);
    world.time().sleep(running.isNegative() ? Duration.ZERO : running);
    world.pause(vnf.id());
    world.time().sleep(downtime);
    world.resumeAt(vnf.id(), request.destination());
    onSwitchOver.switchedOver(request.destination());
    boolean postCopy = request.approach() == MigrationApproach.POST_COPY;
    phases.add(new PhaseRecord(Phase.LIVE, liveStart, world.time().now(),
        plan.bytes(Phase.LIVE), Provenance.SIMULATED));
    if (postCopy) {
      // After the switch-over the source holds the only copy of the pages not yet pulled.
      run(phases, Phase.PAGE_PULL, plan, vnf, false);
    }
    run(phases, Phase.POST_LIVE, plan, vnf, false);
    return new MigrationOutcome(request.approach(), phases,
        Figure.of(downtime, Provenance.SIMULATED));
  }

  private void run(List<PhaseRecord> phases, Phase phase, Prediction plan, Vnf vnf,
      boolean runningAtSourceOnFailure) {
    Instant start = world.time().now();
    Duration duration = world.jitter(plan.duration(phase));
    failIfScripted(vnf, phase, duration.dividedBy(2), runningAtSourceOnFailure);
    world.time().sleep(duration);
    phases.add(new PhaseRecord(phase, start, world.time().now(), plan.bytes(phase),
        Provenance.SIMULATED));
  }

  private void failIfScripted(Vnf vnf, Phase phase, Duration after, boolean runningAtSource) {
    Optional<String> fault = world.faults().take(vnf.id(), phase);
    if (fault.isPresent()) {
      world.time().sleep(after);
      if (!runningAtSource && !world.faults().runsOnAtDestination(vnf.id())) {
        world.lose(vnf.id());
      }
      throw new MigrationFailedException(name(), phase.displayName() + " of " + vnf.id()
          + " failed: " + fault.get(), runningAtSource);
    }
  }

}
