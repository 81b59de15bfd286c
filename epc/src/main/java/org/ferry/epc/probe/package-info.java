/**
 * The RAN side and the far end: a gNB/UE probe that attaches N UEs through the MME and then sends,
 * per UE, a GTP-U-encapsulated UDP echo to the Internet host every 10 ms through the SPGW,
 * measuring per UE the longest gap between answers (the service recovery time of a move) and
 * whether the UE had to attach again; and the Internet host, a UDP echo server.
 */
package org.ferry.epc.probe;
