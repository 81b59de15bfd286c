/**
 * The HSS stand-in: a durable subscriber store (IMSI, key, sequence number, profile, serving MME)
 * answering the MME's Authentication-Information and Update-Location requests over Diameter S6a
 * on TCP. What must survive a move: the store (a file, written atomically) and the open TCP
 * connection to the MME.
 */
package org.ferry.epc.hss;
