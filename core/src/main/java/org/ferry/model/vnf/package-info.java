/**
 * Virtualized network functions of the EPC (HSS, MME, SPGW), how they are packaged and sized,
 * where they run, what they need from the network (SLA) and how they can be moved.
 */
package org.ferry.model.vnf;
