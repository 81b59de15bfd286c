/**
 * The composition root: the whole of Ferry assembled from an inventory, a driver per layer
 * picked by name. {@code ferry demo}, {@code ferry migrate} and {@code ferry server} are three
 * ways to start the same assembly.
 */
package org.ferry.app.assembly;
