package org.ferry.prediction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.ferry.model.report.Convergence;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Durations;
import org.ferry.model.vnf.MigrationApproach;

/**
 * Models of each approach from first principles, with the few parameters in {@link
 * MigrationModelParameters} fitted to the reference study's measurements.
 *
 * <p>Every byte moved goes through one <em>migration stream</em> whose rate is set by three
 * things in series: the link ({@code streamEfficiency} of the path's rate), the TCP window (a
 * window's worth of bytes per round trip) and the sender's CPU ({@code streamCpuLimit} times the
 * site's CPU speed). So {@code 1 / rate = 1 / (efficiency x link) + RTT / window + 1 / (cpu limit
 * x cpu speed)}. Control exchanges (VIM calls, CRIU page-server and image-copy handshakes) add
 * {@code controlRoundTrips} round trips to each control-bound phase.
 *
 * <ul>
 *   <li>VM pre-copy: pre-live (preparing the destination: fixed work divided by CPU speed, plus
 *       the control round trips); live (the disk image where storage is not shared, then memory
 *       rounds: each round resends what the guest dirtied during the previous one, until the rest
 *       fits the downtime limit or the round cap is hit); post-live (ports, database updates).
 *       Downtime = the last round plus the switch-over of the virtual interface. When the guest
 *       dirties memory as fast as the stream sends it, the prediction says it does not converge.
 *   <li>VM post-copy: pre-live; the disk image while the guest runs; a pause for the device state
 *       and the switch-over; the touched memory pulled afterwards; post-live.
 *   <li>Container stop-and-copy (CRIU): checkpoint (fixed cost, a cost per process and the image
 *       at the dump rate, processes dumped in parallel on more vCPUs, all divided by CPU speed),
 *       transfer of the image (setup and control round trips, then the stream), restore (the same
 *       shape as the checkpoint). Downtime = the sum.
 *   <li>Container lazy (CRIU lazy pages): the frozen time is checkpoint, transfer and restore of
 *       the non-memory part of the image; memory is pulled afterwards over the stream.
 * </ul>
 *
 * <p>For a VNF carrying the user plane the UE service recovery time is predicted as the downtime
 * plus the backhaul's flow change plus the backhaul interface's reconnection, since Ferry steers
 * the backhaul at the switch-over.
 *
 * <p>Immutable and thread-safe.
 */
public final class CalibratedMigrationModel implements MigrationModel {

  private final MigrationModelParameters parameters;
  private final MigrationModelParameters.Fitted f;
  private final MigrationModelParameters.Assumed a;

  public CalibratedMigrationModel(MigrationModelParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.f = parameters.fitted();
    this.a = parameters.assumed();
  }

  /**
   * The model with the parameters fitted to the reference study (see {@link
   * MigrationModelParameters#reference()}).
   */
  public static CalibratedMigrationModel reference() {
    return new CalibratedMigrationModel(MigrationModelParameters.reference());
  }

  public MigrationModelParameters parameters() {
    return parameters;
  }

  @Override
  public Prediction predict(MigrationScenario scenario, MigrationApproach approach) {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(approach, "approach");
    if (approach.virtualization() != scenario.virtualization()) {
      throw new IllegalArgumentException(
          "approach " + approach.displayName() + " does not move a "
              + scenario.virtualization().displayName());
    }
    MigrationStream stream = new MigrationStream(scenario);
    return switch (approach) {
      case PRE_COPY -> preCopy(scenario, stream);
      case POST_COPY -> postCopy(scenario, stream);
      case STOP_AND_COPY -> container(scenario, stream, approach, 0);
      case LAZY -> container(scenario, stream, approach, a.lazyMemoryShare());
    };
  }

  /**
   * The rate, in bytes per second, of a migration stream in this scenario: link, TCP window and
   * sender CPU in series.
   */
  public double streamBytesPerSecond(MigrationScenario scenario) {
    return new MigrationStream(scenario).bytesPerSecond;
  }

  /** The stream and control costs of one scenario, in seconds and bytes per second. */
  private final class MigrationStream {
    final double bytesPerSecond;
    final double roundTrip;
    final double cpu;

    MigrationStream(MigrationScenario s) {
      double link = s.path().rate().bitsPerSecond() / 8.0 * f.streamEfficiency();
      roundTrip = Durations.seconds(s.path().roundTrip());
      cpu = s.testbed().cpuSpeed();
      double sender = a.streamCpuLimit().bitsPerSecond() / 8.0 * cpu;
      double window = f.streamWindow().bytes();
      bytesPerSecond = 1 / (1 / link + roundTrip / window + 1 / sender);
    }

    double send(DataSize size) {
      return size.bytes() / bytesPerSecond;
    }

    double control() {
      return f.controlRoundTrips() * roundTrip;
    }
  }

  private Prediction preCopy(MigrationScenario s, MigrationStream stream) {
    VnfStateProfile state = s.state();
    double dirtyBytesPerSecond = state.dirtyRate().bitsPerSecond() / 8.0;
    double limit = Durations.seconds(a.downtimeLimit());
    double touched = state.touchedMemory().bytes();
    double live = stream.send(state.vmDiskImage());
    double sent = state.vmDiskImage().bytes();
    double round = touched;
    int rounds = 0;
    while (round / stream.bytesPerSecond > limit && rounds < a.maxRounds()) {
      double roundTime = round / stream.bytesPerSecond;
      live += roundTime;
      sent += round;
      // What the guest dirtied while this round was on the wire, at most what it has touched.
      round = Math.min(touched, dirtyBytesPerSecond * roundTime);
      rounds++;
    }
    double lastRound = round / stream.bytesPerSecond;
    live += lastRound;
    sent += round;
    Convergence convergence;
    if (dirtyBytesPerSecond >= stream.bytesPerSecond && touched > 0) {
      convergence = Convergence.DOES_NOT_CONVERGE;
    } else if (lastRound > limit) {
      convergence = Convergence.ROUND_CAP_HIT;
    } else {
      convergence = Convergence.CONVERGES;
    }
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.PRE_LIVE, estimate(preLive(stream), 0));
    phases.put(Phase.LIVE, estimate(live, sent));
    phases.put(Phase.POST_LIVE, estimate(postLive(stream), 0));
    Duration downtime = Durations.ofSeconds(lastRound).plus(a.vmSwitchOver());
    return new Prediction(MigrationApproach.PRE_COPY, phases, downtime, convergence,
        ueRecovery(s, downtime));
  }

  private Prediction postCopy(MigrationScenario s, MigrationStream stream) {
    VnfStateProfile state = s.state();
    double paused = stream.send(a.vmDeviceState()) + Durations.seconds(a.vmSwitchOver());
    double live = stream.send(state.vmDiskImage()) + paused;
    double pull = stream.send(state.touchedMemory()) + stream.control();
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.PRE_LIVE, estimate(preLive(stream), 0));
    phases.put(Phase.LIVE,
        estimate(live, state.vmDiskImage().bytes() + a.vmDeviceState().bytes()));
    phases.put(Phase.PAGE_PULL, estimate(pull, state.touchedMemory().bytes()));
    phases.put(Phase.POST_LIVE, estimate(postLive(stream), 0));
    Duration downtime = Durations.ofSeconds(paused);
    return new Prediction(MigrationApproach.POST_COPY, phases, downtime, Convergence.CONVERGES,
        ueRecovery(s, downtime));
  }

  private Prediction container(
      MigrationScenario s,
      MigrationStream stream,
      MigrationApproach approach,
      double memoryShare) {
    VnfStateProfile state = s.state();
    DataSize lazyMemory = state.containerImage().times(memoryShare);
    DataSize image = state.containerImage().minus(lazyMemory);
    int processes = state.processes();
    // CRIU dumps and restores process by process: more vCPUs help up to one per process.
    double speedup =
        1 + f.vcpuParallelism() * (Math.min(s.flavor().vcpus(), processes) - 1);
    double imageBytes = image.bytes();
    double checkpoint = (Durations.seconds(f.criuDumpSetup())
        + Durations.seconds(f.criuPerProcess()) * processes
        + imageBytes / (f.criuDumpRate().bitsPerSecond() / 8.0) / speedup) / stream.cpu;
    double transfer =
        Durations.seconds(f.transferSetup()) + stream.control() + stream.send(image);
    double restore = (Durations.seconds(f.criuRestoreSetup())
        + Durations.seconds(f.criuPerProcess()) * processes
        + imageBytes / (f.criuRestoreRate().bitsPerSecond() / 8.0) / speedup) / stream.cpu;
    Map<Phase, Prediction.Estimate> phases = new LinkedHashMap<>();
    phases.put(Phase.CHECKPOINT, estimate(checkpoint, 0));
    phases.put(Phase.TRANSFER, estimate(transfer, image.bytes()));
    phases.put(Phase.RESTORE, estimate(restore, 0));
    if (lazyMemory.bytes() > 0) {
      phases.put(Phase.PAGE_PULL,
          estimate(stream.send(lazyMemory) + stream.control(), lazyMemory.bytes()));
    }
    // The frozen time is exactly the sum of the phases as reported.
    Duration downtime = phases.get(Phase.CHECKPOINT).duration()
        .plus(phases.get(Phase.TRANSFER).duration()).plus(phases.get(Phase.RESTORE).duration());
    return new Prediction(approach, phases, downtime, Convergence.CONVERGES,
        ueRecovery(s, downtime));
  }

  private double preLive(MigrationStream stream) {
    return Durations.seconds(f.vmPreLive()) / stream.cpu + stream.control();
  }

  private double postLive(MigrationStream stream) {
    return Durations.seconds(f.vmPostLive()) / stream.cpu + stream.control();
  }

  private Optional<Duration> ueRecovery(MigrationScenario s, Duration downtime) {
    if (!s.kind().carriesUserPlane()) {
      return Optional.empty();
    }
    return Optional.of(downtime.plus(a.flowChange()).plus(s.backhaul().typicalReconnect()));
  }

  private static Prediction.Estimate estimate(double seconds, double bytes) {
    return new Prediction.Estimate(Durations.ofSeconds(seconds),
        DataSize.ofBytes(Math.round(bytes)));
  }
}
