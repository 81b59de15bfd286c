/**
 * The compute seam: a {@link org.ferry.seam.compute.Vim} per packaging, with migration as small
 * capabilities ({@link org.ferry.seam.compute.LiveMigratable} for VMs, {@link
 * org.ferry.seam.compute.Checkpointable} for containers) that a driver implements or not.
 */
package org.ferry.seam.compute;
