/**
 * What a run of Ferry records: the steps of a workflow, the phases of each migration, predicted
 * and observed figures, and where each figure came from.
 */
package org.ferry.model.report;
