/**
 * Runs as first-class objects: the run service that queues fault-recovery and planned runs, lets
 * runs that share nothing go in parallel, and ends every run with a report; the events a run
 * emits as it goes; and the store that keeps every run, fed by those events.
 */
package org.ferry.run;
