/**
 * Decisions: which VNFs miss their SLA, which must move and where, and by which approach.
 * Expected outcomes ("no site satisfies the SLA") are results, not exceptions.
 */
package org.ferry.decision;
