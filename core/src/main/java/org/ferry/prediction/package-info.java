/**
 * Migration models: what each approach is expected to take before a move is made. The
 * orchestrator chooses an approach from these predictions, and the simulated layer plays moves
 * out with them.
 */
package org.ferry.prediction;
