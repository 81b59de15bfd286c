/**
 * The seams between the orchestration and the outside systems it drives: small interfaces for
 * the optical controller, the packet (flow) controller, compute (VIMs and their migration
 * capabilities) and service probes. Each has a real driver and a simulated or emulated one; the
 * workflows never know which they talk to.
 */
package org.ferry.seam;
