/**
 * S1AP-shaped messages between gNB and MME. Procedure codes and IE ids are those of 3GPP TS 36.413
 * (S1 Setup 17, Initial UE Message 12, Downlink NAS Transport 11, Uplink NAS Transport 13, Initial
 * Context Setup 9, UE Context Release 23; IEs MME-UE-S1AP-ID 0, eNB-UE-S1AP-ID 8, NAS-PDU 26...),
 * and a PDU is an initiating, successful or unsuccessful message as in the standard. The encoding
 * is not ASN.1 aligned PER (a full PER codec is out of scope) but a plain one of the same shape:
 *
 * <pre>
 *   PDU  = pdu-type(1: 0 initiating, 1 successful, 2 unsuccessful) procedure-code(1)
 *          criticality(1) ie-count(2) IE*
 *   IE   = id(2) criticality(1) length(2) value(length)
 * </pre>
 *
 * Each PDU travels in its own transport frame (see {@link org.ferry.epc.transport}).
 */
package org.ferry.epc.s1ap;
