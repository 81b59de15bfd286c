package org.ferry.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.unit.DataSize;
import org.ferry.model.vnf.Flavor;
import org.ferry.run.RunEvent;
import org.junit.jupiter.api.Test;

/** Every event of real runs reads back equal to what was written. */
class EventJsonTest {

  private final EventJson json = new EventJson();

  @Test
  void everyEventOfAFaultRunAndAPlannedMoveReadsBackEqual() {
    List<RunEvent> events = SimulatedRuns.faultThenPlannedMove();
    assertThat(events).hasAtLeastOneElementOfType(RunEvent.Ended.class)
        .hasAtLeastOneElementOfType(RunEvent.MoveEnded.class);
    for (RunEvent event : events) {
      String text = json.write(event);
      assertThat(json.read(text)).as(text).isEqualTo(event);
    }
  }

  @Test
  void aMoveKeepsItsVnfKindsMeasuredSizesPerFlavorAndItsPrediction() {
    RunEvent.MoveEnded moved = SimulatedRuns.faultThenPlannedMove().stream()
        .filter(RunEvent.MoveEnded.class::isInstance).map(RunEvent.MoveEnded.class::cast)
        .findFirst().orElseThrow();
    MoveRecord back = ((RunEvent.MoveEnded) json.read(json.write(moved))).move();
    assertThat(back.vnf().kind().state().vmBytes(Flavor.SMALL)).isPresent();
    assertThat(back.prediction()).isEqualTo(moved.move().prediction());
  }

  @Test
  void anExplicitFlavorKeyKeepsAllItsParts() {
    Flavor odd = new Flavor("odd:name", 3, DataSize.ofBytes(123), DataSize.ofBytes(456));
    assertThat(FlavorKeys.read(FlavorKeys.write(odd))).isEqualTo(odd);
  }

  @Test
  void aDamagedRowIsAnErrorThatSaysSo() {
    assertThatThrownBy(() -> json.read("{\"@type\":\"NoSuchEvent\"}"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cannot be read back");
  }
}
