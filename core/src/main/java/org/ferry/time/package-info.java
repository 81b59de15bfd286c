/**
 * Injected time: a {@link org.ferry.time.TimeSource} is passed to everything that reads the
 * clock or waits, so that simulated runs go faster than real time and tests are deterministic.
 */
package org.ferry.time;
