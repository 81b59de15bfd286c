/** The probe seam: is a VNF reachable, and what gap did attached UEs see while it moved. */
package org.ferry.seam.probe;
