/**
 * The orchestration workflows: fault recovery and planned moves, as an explicit state machine
 * ({@link org.ferry.workflow.WorkflowStateMachine}) that records every step with its time.
 */
package org.ferry.workflow;
