package org.ferry.persistence;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ferry.run.InMemoryRunStore;
import org.ferry.run.RunEvent;
import org.ferry.run.RunService;
import org.ferry.run.RunStore;
import org.ferry.run.Trigger;
import org.ferry.simulation.ReferenceSetting;
import org.ferry.simulation.SimulatedDeployment;
import org.ferry.workflow.RunListener;

/** Real run events for the store's tests: runs of the reference setting in the twin. */
final class SimulatedRuns {

  private SimulatedRuns() {}

  /**
   * The events of a fault recovery (fibre RAN-A cut) and then a planned move back of the MME,
   * in the order the run service emitted them, with the store given.
   */
  static List<RunEvent> faultThenPlannedMove(RunStore store) {
    SimulatedDeployment deployment =
        SimulatedDeployment.referenceSetting(ReferenceSetting.Options.defaults());
    RunService service = new RunService(deployment.southbound(), deployment.workflowSettings(),
        store, Runnable::run, RunListener.NONE);
    List<RunEvent> events = new CopyOnWriteArrayList<>();
    service.subscribe(e -> events.add(e.event()));
    service.start();
    deployment.world().optical().cutFiber(ReferenceSetting.FIBER_RAN_A);
    service.submit(Trigger.PlannedMove.of(Set.of(ReferenceSetting.MME), ReferenceSetting.SITE_A));
    return List.copyOf(events);
  }

  /** The same runs' events, kept in memory. */
  static List<RunEvent> faultThenPlannedMove() {
    return faultThenPlannedMove(new InMemoryRunStore());
  }
}
