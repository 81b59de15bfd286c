package org.ferry.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ferry.model.unit.DataRate;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Flavor;
import org.ferry.model.vnf.VnfKind;
import org.ferry.prediction.VnfStateProfile;
import org.junit.jupiter.api.Test;

/** A VNF kind and a flavor are values: the shipped ones keep the study's figures, others derive. */
class VnfKindTest {

  @Test
  void theShippedKindsCarryTheReferenceFigures() {
    VnfStateProfile hss = VnfStateProfile.reference(VnfKind.HSS, Flavor.SMALL);
    assertThat(hss.touchedMemory()).isEqualTo(DataSize.ofMegabytes(600));
    assertThat(hss.vmDiskImage()).isEqualTo(DataSize.ofMegabytes(3470 - 600));
    assertThat(hss.containerImage()).isEqualTo(DataSize.ofMegabytes(173));
    assertThat(hss.processes()).isEqualTo(2);
    VnfStateProfile mme = VnfStateProfile.reference(VnfKind.MME, Flavor.MEDIUM);
    assertThat(mme.touchedMemory()).isEqualTo(DataSize.ofMegabytes(900));
    assertThat(mme.vmDiskImage()).isEqualTo(DataSize.ofMegabytes(4160 - 900));
    assertThat(mme.containerImage()).isEqualTo(DataSize.ofMegabytes(42.3));
    assertThat(VnfStateProfile.reference(VnfKind.SPGW, Flavor.SMALL).dirtyRate())
        .isEqualTo(DataRate.ofMbps(200));
    assertThat(VnfKind.shipped()).extracting(VnfKind::moveOrder).containsExactly(2, 1, 0);
    assertThat(VnfKind.shipped()).filteredOn(VnfKind::carriesUserPlane)
        .containsExactly(VnfKind.SPGW);
  }

  @Test
  void aDeclaredKindDerivesItsStateFromTheFlavorsMemory() {
    VnfKind upf = VnfKind.declared("upf", true);
    Flavor size = Flavor.of(4, DataSize.ofMebibytes(8192));

    VnfStateProfile state = VnfStateProfile.reference(upf, size);

    assertThat(upf.name()).isEqualTo("UPF");
    assertThat(upf.moveOrder()).isZero();
    assertThat(state.touchedMemory()).isEqualTo(DataSize.ofMegabytes(300 + 300 * 4));
    assertThat(state.vmDiskImage()).isEqualTo(
        DataSize.ofMegabytes(VnfStateProfile.DERIVED_DISK_IMAGE_MB));
    assertThat(state.containerImage()).isEqualTo(DataSize.ofMebibytes(8192).times(0.05));
    assertThat(state.dirtyRate()).isEqualTo(DataRate.ofMbps(200));
    assertThat(VnfKind.declared("amf", false).moveOrder()).isEqualTo(1);
  }

  @Test
  void kindsAreFoundByNameAmongTheKnownOnes() {
    VnfKind amf = VnfKind.declared("AMF", false);
    assertThat(VnfKind.parse("amf", List.of(VnfKind.HSS, amf))).isEqualTo(amf);
    assertThatThrownBy(() -> VnfKind.parse("smf", List.of(VnfKind.HSS, amf)))
        .hasMessage("unknown VNF kind 'smf'; expected one of HSS, AMF");
    assertThatThrownBy(() -> VnfKind.declared("5g core", false))
        .hasMessageContaining("upper-case letters, digits and '-'");
  }

  @Test
  void anExplicitSizeIsAFlavorOfItsOwn() {
    Flavor size = Flavor.of(2, DataSize.ofMebibytes(3072));
    assertThat(size.displayName()).isEqualTo("2vcpu-3072mib");
    assertThat(size.disk()).isEqualTo(DataSize.ofBytes(DataSize.ofMebibytes(3072).bytes() * 10));
    assertThat(Flavor.parse("small")).isSameAs(Flavor.SMALL);
    assertThatThrownBy(() -> Flavor.of(0, DataSize.ofMebibytes(1024)))
        .hasMessageContaining("1 vCPU or more");
  }
}
