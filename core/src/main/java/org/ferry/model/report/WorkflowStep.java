package org.ferry.model.report;

import org.ferry.model.Names;

/**
 * The steps of Ferry's workflows, in the order the fault-recovery flow takes them. A planned move
 * starts at {@link #PLAN}.
 */
public enum WorkflowStep {
  /** The optical controller reported a fault; Ferry works out which lightpaths and VNFs it hit. */
  FAILURE_DETECTED,
  /** Ask the optical layer to restore each broken lightpath (reroute). */
  OPTICAL_RESTORATION,
  /** Check each affected VNF's SLA against the network as restored. */
  SLA_CHECK,
  /** Choose where each VNF goes and how (the approach with the least predicted downtime). */
  PLAN,
  /** Set up a temporary high-speed management lightpath between the two sites. */
  TEMP_LIGHTPATH_SETUP,
  /** Steer management traffic onto it with OpenFlow rules at both sites. */
  MANAGEMENT_STEERING,
  /** Live-migrate one VNF. */
  MIGRATION,
  /** Steer the VNF's backhaul traffic (RAN side) to its new site. */
  BACKHAUL_REPOINT,
  /** Check that the VNF answers at its new site and that UEs have service. */
  VERIFY,
  /** Remove the management steering and release the temporary lightpath. */
  TEMP_LIGHTPATH_RELEASE;

  public String displayName() {
    return Names.kebab(this);
  }
}
