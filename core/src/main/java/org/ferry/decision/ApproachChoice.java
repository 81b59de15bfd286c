package org.ferry.decision;

import java.util.List;
import java.util.Objects;
import org.ferry.model.report.Prediction;

/**
 * The approach chosen for one move, and what the others were predicted to give.
 *
 * @param chosen the prediction of the chosen approach
 * @param considered every prediction made, the chosen one included
 * @param reason why this one, for the record
 */
public record ApproachChoice(Prediction chosen, List<Prediction> considered, String reason) {

  public ApproachChoice {
    Objects.requireNonNull(chosen, "chosen");
    Objects.requireNonNull(reason, "reason");
    considered = List.copyOf(considered);
  }
}
