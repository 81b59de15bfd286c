package org.ferry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.ferry.model.network.Frequency;
import org.ferry.model.network.Lightpath;
import org.ferry.model.network.LightpathId;
import org.ferry.model.network.LightpathState;
import org.ferry.model.network.NodeId;
import org.ferry.model.network.Route;
import org.ferry.model.network.SiteId;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.network.TransponderId;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.unit.Distance;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.Ipv4Address;
import org.ferry.model.vnf.MigrationApproach;
import org.ferry.model.vnf.VnfKind;
import org.junit.jupiter.api.Test;

class UnitsAndValuesTest {

  @Test
  void fibreAddsFiveMicrosecondsPerKilometre() {
    assertThat(Distance.ofKilometres(25).propagationDelay()).isEqualTo(Duration.ofNanos(125_000));
    assertThat(Distance.ofMetres(300).propagationDelay()).isEqualTo(Duration.ofNanos(1_500));
  }

  @Test
  void aLightpathsLatencyIsItsFibrePlusBothXponders() {
    Lightpath lp = new Lightpath(LightpathId.of("lp"), TransponderClass.SWITCHPONDER_1G,
        new Lightpath.End(SiteId.of("a"), TransponderId.of("ta")),
        new Lightpath.End(SiteId.of("b"), TransponderId.of("tb")),
        new Route(List.of(NodeId.of("r1"), NodeId.of("r2")),
            List.of(org.ferry.model.network.FiberId.of("f")), Distance.ofKilometres(50)),
        Frequency.ofFixedGridChannel(0), LightpathState.IN_SERVICE, true);
    // 50 km x 5 us + 2 x 5 us of switchponder
    assertThat(lp.latency()).isEqualTo(Duration.ofNanos(260_000));
    assertThat(lp.capacity()).isEqualTo(DataRate.ofGbps(1));
  }

  @Test
  void ratesAndSizesConvertWithTheirUnits() {
    assertThat(DataRate.ofGbps(1).timeToSend(DataSize.ofMegabytes(125)))
        .isEqualTo(Duration.ofSeconds(1));
    assertThat(DataRate.ofGbps(1).carriedIn(Duration.ofSeconds(2)))
        .isEqualTo(DataSize.ofMegabytes(250));
    assertThat(Flavor.SMALL.memory()).isEqualTo(DataSize.ofBytes(2048L << 20));
  }

  @Test
  void fixedGridChannelsFollowG6941() {
    assertThat(Frequency.ofFixedGridChannel(0).terahertz()).isEqualTo(193.1);
    assertThat(Frequency.ofFixedGridChannel(60).terahertz()).isEqualTo(196.1);
    assertThatThrownBy(() -> new Frequency(200)).hasMessageContaining("C band");
  }

  @Test
  void badValuesAreRejectedWithTheRuleInTheMessage() {
    assertThatThrownBy(() -> Distance.ofKilometres(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 or more");
    assertThatThrownBy(() -> Distance.ofKilometres(Double.NaN))
        .hasMessageContaining("finite");
    assertThatThrownBy(() -> DataSize.ofBytes(-1)).hasMessageContaining("zero or more");
    assertThatThrownBy(() -> DataRate.ofGbps(0)).hasMessageContaining("above 0");
    assertThatThrownBy(() -> Ipv4Address.of("10.0.0.256")).hasMessageContaining("four octets");
    assertThatThrownBy(() -> SiteId.of("site a")).hasMessageContaining("site id 'site a'");
  }

  @Test
  void userFacingNamesParseIgnoringCaseAndListTheChoicesWhenUnknown() {
    assertThat(VnfKind.parse("mme")).isEqualTo(VnfKind.MME);
    assertThat(Flavor.parse("Medium")).isEqualTo(Flavor.MEDIUM);
    assertThat(MigrationApproach.parse("stop-and-copy")).isEqualTo(MigrationApproach.STOP_AND_COPY);
    assertThatThrownBy(() -> VnfKind.parse("PCRF"))
        .hasMessage("unknown VNF kind 'PCRF'; expected one of HSS, MME, SPGW");
    assertThatThrownBy(() -> Flavor.parse("huge"))
        .hasMessage("unknown flavor 'huge'; expected one of small, medium");
  }
}
