/** The optical seam: lightpaths, their restoration, temporary lightpaths and fault events. */
package org.ferry.seam.optical;
