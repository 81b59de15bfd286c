package org.ferry.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.ferry.model.report.MoveRecord;
import org.ferry.model.report.RunReport;
import org.ferry.model.vnf.Vnf;
import org.ferry.simulation.ReferenceSetting;
import org.junit.jupiter.api.Test;

/** summary.csv keeps a row for every planned move, failed or not begun, with the reason. */
class SummaryCsvTest {

  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  @Test
  void aFailedRunListsEveryPlannedMoveWithItsStatusAndReason() {
    List<Vnf> vnfs = ReferenceSetting.inventory(ReferenceSetting.Options.defaults()).vnfs();
    Vnf first = vnfs.get(0);
    Vnf second = vnfs.get(1);
    RunReport failed = new RunReport("run-1", RunReport.Kind.FAULT_RECOVERY, "fiber-ran-a", T0,
        T0.plusSeconds(30), RunReport.Outcome.FAILED, "nothing was moved", List.of(),
        List.of(notMoved(first, MoveRecord.Status.KEPT_AT_SOURCE,
                "destination QEMU died, \"exit 1\""),
            notMoved(second, MoveRecord.Status.NOT_ATTEMPTED,
                "not attempted: the management path could not be set up")));

    assertThat(SummaryCsv.text(List.of(failed)).split("\n")).containsExactly(
        SummaryCsv.HEADER,
        first.kind().name() + ",vm,kept-at-source,,,,,,,\"destination QEMU died, \"\"exit"
            + " 1\"\"\"",
        second.kind().name() + ",vm,not-attempted,,,,,,,not attempted: the management path"
            + " could not be set up");
  }

  private static MoveRecord notMoved(Vnf vnf, MoveRecord.Status status, String why) {
    return new MoveRecord(vnf, vnf.placement(), status, Optional.empty(), Optional.empty(),
        Optional.empty(), Optional.of(why));
  }
}
