/**
 * Diameter base protocol (RFC 6733) framing and the S6a application (3GPP TS 29.272) between MME
 * and HSS: the real 20-byte header (version 1, 24-bit length, R/P/E/T flags, 24-bit command code,
 * Application-Id 16777251, hop-by-hop and end-to-end identifiers) and AVPs with V/M flags, vendor
 * 10415 and 4-byte padding, carried over TCP (RFC 6733 allows TCP or SCTP).
 */
package org.ferry.epc.diameter;
