package org.ferry.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.ferry.model.report.Phase;
import org.ferry.model.report.Prediction;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.VnfKind;
import org.ferry.seam.compute.NetworkPath;
import org.junit.jupiter.api.Test;

class FirstOrderMigrationModelTest {

  private final MigrationModel model = FirstOrderMigrationModel.withDefaults();

  private static MigrationScenario scenario(VnfKind kind, Virtualization v, DataRate rate) {
    return new MigrationScenario(kind, v, Flavor.SMALL,
        new NetworkPath(rate, Duration.ofNanos(260_000)), BackhaulInterface.FLOATING_IP);
  }

  @Test
  void preCopyPausesOnlyForTheLastRound() {
    Prediction p = model.predict(scenario(VnfKind.HSS, Virtualization.VM, DataRate.ofGbps(1)),
        MigrationApproach.PRE_COPY);
    assertThat(p.phases().keySet())
        .containsExactly(Phase.PRE_LIVE, Phase.LIVE, Phase.POST_LIVE);
    assertThat(p.downtime()).isLessThan(Duration.ofSeconds(1));
    assertThat(p.bytesMoved().megabytes()).isGreaterThanOrEqualTo(3470);
  }

  @Test
  void aFasterLinkShortensTheLivePhase() {
    Prediction slow = model.predict(scenario(VnfKind.MME, Virtualization.VM, DataRate.ofGbps(1)),
        MigrationApproach.PRE_COPY);
    Prediction fast = model.predict(scenario(VnfKind.MME, Virtualization.VM,
        DataRate.ofGbps(10)), MigrationApproach.PRE_COPY);
    assertThat(fast.duration(Phase.LIVE)).isLessThan(slow.duration(Phase.LIVE).dividedBy(5));
  }

  @Test
  void stopAndCopyIsDownForTheWholeMoveAndLazyForLess() {
    MigrationScenario hss = scenario(VnfKind.HSS, Virtualization.CONTAINER, DataRate.ofGbps(1));
    Prediction full = model.predict(hss, MigrationApproach.STOP_AND_COPY);
    Prediction lazy = model.predict(hss, MigrationApproach.LAZY);
    assertThat(full.downtime()).isEqualTo(full.migrationTime());
    assertThat(lazy.downtime()).isLessThan(full.downtime());
    assertThat(lazy.bytesMoved()).isEqualTo(full.bytesMoved());
  }

  @Test
  void anApproachForTheOtherPackagingIsRejected() {
    assertThatThrownBy(() -> model.predict(
        scenario(VnfKind.SPGW, Virtualization.VM, DataRate.ofGbps(1)), MigrationApproach.LAZY))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lazy");
  }
}
