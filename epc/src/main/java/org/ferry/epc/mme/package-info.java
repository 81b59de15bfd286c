/**
 * The MME stand-in: accepts gNB associations and UE attaches over S1 (S1AP-shaped, over the
 * {@link org.ferry.epc.transport} interface), authenticates each UE through the HSS over Diameter
 * S6a, creates and completes its session at the SPGW over GTPv2-C S11, and keeps the UE contexts.
 * What must survive a move: the S1 association(s), the S6a connection, the UE contexts.
 */
package org.ferry.epc.mme;
