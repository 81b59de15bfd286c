/**
 * Quantities with explicit units: data sizes, data rates, fibre distances and durations. No
 * number crosses a public signature in Ferry without one of these types (or {@link
 * java.time.Duration}) saying what it measures.
 */
package org.ferry.model.unit;
