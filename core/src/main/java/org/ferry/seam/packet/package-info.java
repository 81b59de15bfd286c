/** The packet seam: OpenFlow rules on the sites' top-of-rack switches. */
package org.ferry.seam.packet;
