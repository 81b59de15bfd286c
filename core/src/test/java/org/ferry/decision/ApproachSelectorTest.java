package org.ferry.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.ferry.model.network.HostId;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.Testbed;
import org.ferry.model.unit.DataRate;
import org.ferry.model.vnf.BackhaulInterface;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.Placement;
import org.ferry.model.vnf.Virtualization;
import org.ferry.model.vnf.Vnf;
import org.ferry.model.vnf.VnfId;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.CalibratedMigrationModel;
import org.ferry.seam.compute.NetworkPath;
import org.junit.jupiter.api.Test;

/** The approach Ferry takes for a move, on the calibrated model over a 1G, 50 km lightpath. */
class ApproachSelectorTest {

  private static final NetworkPath PATH =
      new NetworkPath(DataRate.ofGbps(1), Duration.ofNanos(260_000));
  private static final Set<MigrationApproach> ALL = EnumSet.allOf(MigrationApproach.class);

  private static Vnf spgw(Virtualization virtualization) {
    return new Vnf(VnfId.of("spgw-1"), VnfKind.SPGW, virtualization, Flavor.SMALL,
        new Placement(SiteId.of("site-a"), HostId.of("h")), Ipv4Address.of("172.16.0.12"),
        BackhaulInterface.FLOATING_IP, List.of());
  }

  private static ApproachChoice choose(ApproachPolicy policy, Vnf vnf) {
    return new ApproachSelector(CalibratedMigrationModel.reference(), policy)
        .choose(vnf, ALL, PATH, Testbed.OPENROADM);
  }

  @Test
  void aVmKeepsItsStateWholeWhenPreCopyIsDownForUnderASecond() {
    ApproachChoice choice = choose(ApproachPolicy.leastDowntime(), spgw(Virtualization.VM));
    assertThat(choice.chosen().approach()).isEqualTo(MigrationApproach.PRE_COPY);
    assertThat(choice.chosen().downtime()).isLessThan(Duration.ofSeconds(1));
    assertThat(choice.considered()).extracting(p -> p.approach())
        .containsExactlyInAnyOrder(MigrationApproach.PRE_COPY, MigrationApproach.POST_COPY);
    assertThat(choice.reason()).contains("keeping the state whole");
  }

  @Test
  void aContainerGoesLazyWhenStopAndCopyWouldBeDownForSeconds() {
    ApproachChoice choice = choose(ApproachPolicy.leastDowntime(), spgw(Virtualization.CONTAINER));
    assertThat(choice.chosen().approach()).isEqualTo(MigrationApproach.LAZY);
    assertThat(choice.reason()).contains("stop-and-copy would be down").contains("budget");
  }

  @Test
  void withNoBudgetTheLeastDowntimeWinsWhateverItRisks() {
    ApproachPolicy anyRisk = new ApproachPolicy(Optional.empty(), Duration.ZERO);
    assertThat(choose(anyRisk, spgw(Virtualization.VM)).chosen().approach())
        .isEqualTo(MigrationApproach.POST_COPY);
  }

  @Test
  void aForcedApproachIsTakenAndOneTheVimLacksIsRefused() {
    assertThat(choose(ApproachPolicy.always(MigrationApproach.STOP_AND_COPY),
        spgw(Virtualization.CONTAINER)).chosen().approach())
        .isEqualTo(MigrationApproach.STOP_AND_COPY);
    ApproachSelector selector = new ApproachSelector(CalibratedMigrationModel.reference(),
        ApproachPolicy.always(MigrationApproach.POST_COPY));
    assertThatThrownBy(() -> selector.choose(spgw(Virtualization.VM),
        EnumSet.of(MigrationApproach.PRE_COPY), PATH, Testbed.OPENROADM))
        .hasMessageContaining("post-copy was asked for");
  }
}
