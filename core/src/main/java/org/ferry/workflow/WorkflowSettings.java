package org.ferry.workflow;

import java.time.Duration;
import java.util.Objects;
import org.ferry.decision.ApproachPolicy;
import org.ferry.model.network.Testbed;
import org.ferry.model.network.TransponderClass;
import org.ferry.model.unit.Durations;
import org.ferry.prediction.MigrationModel;

/**
 * How the workflows behave.
 *
 * @param model predicts each approach before a move
 * @param approachPolicy how to choose among the predictions
 * @param temporaryLightpathClass the xponder class of the temporary management lightpath
 * @param managementVlan VLAN of the management network on the top-of-rack switches
 * @param tenantVlan VLAN of the tenant network (the backhaul)
 * @param verifyTimeout how long a moved VNF has to answer at its new site
 * @param verifyInterval how often to ask whether it answers (the probe's resolution)
 * @param testbed the hardware of the compute sites, which the model predicts moves with
 */
public record WorkflowSettings(
    MigrationModel model,
    ApproachPolicy approachPolicy,
    TransponderClass temporaryLightpathClass,
    int managementVlan,
    int tenantVlan,
    Duration verifyTimeout,
    Duration verifyInterval,
    Testbed testbed) {

  public WorkflowSettings {
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(approachPolicy, "approachPolicy");
    Objects.requireNonNull(temporaryLightpathClass, "temporaryLightpathClass");
    Objects.requireNonNull(verifyTimeout, "verifyTimeout");
    Objects.requireNonNull(verifyInterval, "verifyInterval");
    Objects.requireNonNull(testbed, "testbed");
    if (temporaryLightpathClass.role() != TransponderClass.NetworkRole.MANAGEMENT) {
      throw new IllegalArgumentException(
          "the temporary lightpath carries management traffic; " + temporaryLightpathClass
              + " serves the " + temporaryLightpathClass.role() + " network");
    }
    if (verifyInterval.isZero() || verifyInterval.isNegative()
        || verifyInterval.compareTo(verifyTimeout) > 0) {
      throw new IllegalArgumentException(
          "verify interval must be above 0 and at most the verify timeout, got " + verifyInterval);
    }
  }

  /**
   * Defaults: least predicted downtime, the optical testbed with its 1G switchponder, 60 s to
   * verify at 100 ms steps.
   */
  public static WorkflowSettings defaults(MigrationModel model) {
    return new WorkflowSettings(
        model,
        ApproachPolicy.leastDowntime(),
        TransponderClass.SWITCHPONDER_1G,
        100,
        200,
        Duration.ofSeconds(60),
        Durations.ofMillis(100),
        Testbed.OPENROADM);
  }

  public WorkflowSettings withApproachPolicy(ApproachPolicy policy) {
    return new WorkflowSettings(model, policy, temporaryLightpathClass, managementVlan,
        tenantVlan, verifyTimeout, verifyInterval, testbed);
  }

  public WorkflowSettings withTemporaryLightpathClass(TransponderClass kind) {
    return new WorkflowSettings(model, approachPolicy, kind, managementVlan, tenantVlan,
        verifyTimeout, verifyInterval, testbed);
  }

  /** The same settings on another testbed, with a temporary lightpath of its management class. */
  public WorkflowSettings withTestbed(Testbed newTestbed) {
    return new WorkflowSettings(model, approachPolicy, newTestbed.management(), managementVlan,
        tenantVlan, verifyTimeout, verifyInterval, newTestbed);
  }
}
