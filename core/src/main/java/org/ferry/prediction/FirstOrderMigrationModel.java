package org.ferry.prediction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.seam.compute.NetworkPath;

/**
 * A first-order model of each approach, from the state to move and the path's rate.
 *
 * <ul>
 *   <li>VM pre-copy: pre-live; live = disk image, then memory rounds, each resending what the
 *       previous round's duration let the guest dirty, until the rest fits the downtime limit or
 *       the round cap is hit; post-live. Downtime = last round + switch-over.
 *   <li>VM post-copy: pre-live; disk image while running; pause for the device state and
 *       switch-over; pull touched memory afterwards; post-live.
 *   <li>Container stop-and-copy: checkpoint (fixed cost + image / dump rate), transfer, restore
 *       (fixed cost + image / restore rate). Downtime = the sum.
 *   <li>Container lazy: the same with only the non-memory part of the image; memory pulled after.
 * </ul>
 *
 * <p>Its parameters are estimates, not fitted; the calibrated models replace them.
 */
public final class FirstOrderMigrationModel implements MigrationModel {

  /**
   * The model's parameters.
   *
   * @param linkEfficiency share of the path's rate a migration stream gets (TCP, framing, VPN)
   * @param vmPreLive preparing the destination VM
   * @param vmPostLive updating the VIM after the switch-over
   * @param vmSwitchOver re-plugging the virtual interface after the last round
   * @param downtimeLimit QEMU's downtime-limit: the last round must fit in it
   * @param maxRounds cap on memory rounds before the last one is forced
   * @param vmDeviceState device state sent in the paused step of post-copy
   * @param criuFixedCost per checkpoint or restore: process tree walk, namespaces, files
   * @param criuDumpRate how fast one vCPU dumps an image
   * @param criuRestoreRate how fast one vCPU restores an image
   * @param lazyNonMemoryShare share of a container image that is not memory pages
   */
  public record Parameters(
      double linkEfficiency,
      Duration vmPreLive,
      Duration vmPostLive,
      Duration vmSwitchOver,
      Duration downtimeLimit,
      int maxRounds,
      DataSize vmDeviceState,
      Duration criuFixedCost,
      DataRate criuDumpRate,
      DataRate criuRestoreRate,
      double lazyNonMemoryShare) {

    public Parameters {
      if (!(linkEfficiency > 0 && linkEfficiency <= 1)) {
        throw new IllegalArgumentException("link efficiency must be in (0, 1], got "
            + linkEfficiency);
      }
      if (maxRounds < 1) {
        throw new IllegalArgumentException("max rounds must be 1 or more, got " + maxRounds);
      }
      if (!(lazyNonMemoryShare > 0 && lazyNonMemoryShare <= 1)) {
        throw new IllegalArgumentException("lazy non-memory share must be in (0, 1], got "
            + lazyNonMemoryShare);
      }
    }

    /** Estimates in the range of the reference study's figures. */
    public static Parameters defaults() {
      return new Parameters(
          0.56,
          Durations.ofSeconds(3.3),
          Durations.ofSeconds(5.2),
          Durations.ofMillis(100),
          Durations.ofMillis(300),
          30,
          DataSize.ofMegabytes(2),
          Durations.ofSeconds(1.5),
          DataRate.ofMbps(110),
          DataRate.ofMbps(95),
          0.15);
    }
  }

  private final Parameters p;

  public FirstOrderMigrationModel(Parameters parameters) {
    this.p = Objects.requireNonNull(parameters, "parameters");
  }

  public static FirstOrderMigrationModel withDefaults() {
    return new FirstOrderMigrationModel(Parameters.defaults());
  }

  @Override
  public Prediction predict(MigrationScenario scenario, MigrationApproach approach) {
    if (approach.virtualization() != scenario.virtualization()) {
      throw new IllegalArgumentException(
          "approach " + approach.displayName() + " does not move a "
              + scenario.virtualization().displayName());
    }
    VnfStateProfile state = VnfStateProfile.reference(scenario.kind(), scenario.flavor());
    DataRate rate = scenario.path().rate().times(p.linkEfficiency());
    return switch (approach) {
      case PRE_COPY -> preCopy(state, rate);
      case POST_COPY -> postCopy(state, rate, scenario.path());
      case STOP_AND_COPY -> containerMove(approach, state.containerImage(), DataSize.ZERO,
          scenario.flavor(), rate, scenario.path());
      case LAZY -> {
        DataSize nonMemory = state.containerImage().times(p.lazyNonMemoryShare());
        yield containerMove(approach, nonMemory, state.containerImage().minus(nonMemory),
            scenario.flavor(), rate, scenario.path());
      }
    };
  }

  private Prediction preCopy(VnfStateProfile state, DataRate rate) {
    DataSize sent = state.vmDiskImage();
    Duration live = rate.timeToSend(state.vmDiskImage());
    DataSize round = state.touchedMemory();
    DataSize lastRoundLimit = rate.carriedIn(p.downtimeLimit());
    int rounds = 0;
    while (round.compareTo(lastRoundLimit) > 0 && rounds < p.maxRounds()) {
      Duration roundTime = rate.timeToSend(round);
      live = live.plus(roundTime);
      sent = sent.plus(round);
      // What the guest dirtied while this round was on the wire, capped by what it has touched.
      DataSize dirtied = state.dirtyRate().carriedIn(roundTime);
      round = dirtied.compareTo(state.touchedMemory()) < 0 ? dirtied : state.touchedMemory();
      rounds++;
    }
    Duration lastRound = rate.timeToSend(round);
    live = live.plus(lastRound);
    sent = sent.plus(round);
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.PRE_LIVE, new Prediction.Estimate(p.vmPreLive(), DataSize.ZERO));
    phases.put(Phase.LIVE, new Prediction.Estimate(live, sent));
    phases.put(Phase.POST_LIVE, new Prediction.Estimate(p.vmPostLive(), DataSize.ZERO));
    return new Prediction(MigrationApproach.PRE_COPY, phases, lastRound.plus(p.vmSwitchOver()));
  }

  private Prediction postCopy(VnfStateProfile state, DataRate rate, NetworkPath path) {
    Duration paused = rate.timeToSend(p.vmDeviceState()).plus(p.vmSwitchOver());
    Duration live = rate.timeToSend(state.vmDiskImage()).plus(paused);
    // Each page fault costs a round trip on top of the bulk background copy.
    Duration pull = rate.timeToSend(state.touchedMemory()).plus(path.roundTrip().multipliedBy(64));
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.PRE_LIVE, new Prediction.Estimate(p.vmPreLive(), DataSize.ZERO));
    phases.put(Phase.LIVE,
        new Prediction.Estimate(live, state.vmDiskImage().plus(p.vmDeviceState())));
    phases.put(Phase.PAGE_PULL, new Prediction.Estimate(pull, state.touchedMemory()));
    phases.put(Phase.POST_LIVE, new Prediction.Estimate(p.vmPostLive(), DataSize.ZERO));
    return new Prediction(MigrationApproach.POST_COPY, phases, paused);
  }

  private Prediction containerMove(
      MigrationApproach approach,
      DataSize image,
      DataSize lazyMemory,
      Flavor flavor,
      DataRate rate,
      NetworkPath path) {
    // CRIU dumps and restores with one thread per process; a second vCPU helps a little only.
    double cpuFactor = flavor.vcpus() > 1 ? 1.25 : 1.0;
    Duration checkpoint =
        p.criuFixedCost().plus(p.criuDumpRate().times(cpuFactor).timeToSend(image));
    Duration transfer = rate.timeToSend(image).plus(path.roundTrip().multipliedBy(3));
    Duration restore =
        p.criuFixedCost().plus(p.criuRestoreRate().times(cpuFactor).timeToSend(image));
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.CHECKPOINT, new Prediction.Estimate(checkpoint, DataSize.ZERO));
    phases.put(Phase.TRANSFER, new Prediction.Estimate(transfer, image));
    phases.put(Phase.RESTORE, new Prediction.Estimate(restore, DataSize.ZERO));
    if (lazyMemory.bytes() > 0) {
      phases.put(Phase.PAGE_PULL,
          new Prediction.Estimate(rate.timeToSend(lazyMemory), lazyMemory));
    }
    return new Prediction(approach, phases, checkpoint.plus(transfer).plus(restore));
  }
}
