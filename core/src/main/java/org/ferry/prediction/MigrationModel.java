package org.ferry.prediction;

import org.ferry.model.report.Prediction;
import org.ferry.model.vnf.MigrationApproach;

/**
 * Predicts what moving a VNF with a given approach will take: phases, downtime, bytes moved.
 * Ferry asks before every move and picks the approach from the answers.
 *
 * <p>Implementations are pure functions of their inputs and thread-safe.
 */
public interface MigrationModel {

  /**
   * @param scenario what is moved, over what path
   * @param approach how; must suit the scenario's virtualization
   * @throws IllegalArgumentException if the approach does not suit the virtualization
   */
  Prediction predict(MigrationScenario scenario, MigrationApproach approach);
}
