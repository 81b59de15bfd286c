package org.ferry.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.ferry.model.report.Phase;
import org.ferry.model.vnf.VnfId;

/**
 * Faults a test or experiment scripts into the simulated compute layer, each fired once: "the
 * next migration of mme-1 fails during its transfer".
 */
public final class SimulatedFaults {

  private record Fault(VnfId vnf, Phase phase, String reason) {}

  private final List<Fault> pending = new ArrayList<>();
  private final List<VnfId> runOnAtDestination = new ArrayList<>();

  /**
   * Makes the next migration of {@code vnf} fail in {@code phase}.
   *
   * @param reason what the simulated VIM will say
   */
  public synchronized void failNextMigration(VnfId vnf, Phase phase, String reason) {
    pending.add(new Fault(vnf, phase, reason));
  }

  /**
   * Makes the next VM migration of {@code vnf} fail after its switch-over, in the VIM's own
   * bookkeeping (a Nova post-live step, the source's clean-up), with the VM running on at the
   * destination: the VIM reports a failure although the move took place.
   */
  public synchronized void failBookkeepingAfterSwitchOver(VnfId vnf, String reason) {
    pending.add(new Fault(vnf, Phase.POST_LIVE, reason));
    runOnAtDestination.add(vnf);
  }

  /** Whether a fault taken for {@code vnf} after its switch-over leaves it running. */
  synchronized boolean runsOnAtDestination(VnfId vnf) {
    return runOnAtDestination.remove(vnf);
  }

  /** Takes the fault scripted for this VNF and phase, if any. */
  synchronized Optional<String> take(VnfId vnf, Phase phase) {
    for (int i = 0; i < pending.size(); i++) {
      Fault fault = pending.get(i);
      if (fault.vnf().equals(vnf) && fault.phase() == phase) {
        pending.remove(i);
        return Optional.of(fault.reason());
      }
    }
    return Optional.empty();
  }
}
