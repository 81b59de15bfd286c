/**
 * Path computation and spectrum assignment over an OpenROADM network, as TransportPCE's PCE does
 * them: k-shortest paths with hard constraints, then the highest free spectrum on the fixed
 * 50 GHz grid or the flex grid.
 */
package org.ferry.optical.pce;
